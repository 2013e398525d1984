/**
 * The dock's tabs in order, and which one a key press moves to (the tabs pattern of
 * ../tab-keys.ts).
 */
import type { DockTab } from "../store/view-slice.ts";
import { tabAfterKey } from "../tab-keys.ts";

/** The tabs this dock shows. */
export const DOCK_TABS = [
  "timeline",
  "metrics",
  "packets",
  "segments",
  "terminal",
] as const satisfies readonly DockTab[];

export type ShownDockTab = (typeof DOCK_TABS)[number];

/** The tab to show for the store's `dockTab`: one this dock does not have shows the first. */
export function shownTab(tab: DockTab): ShownDockTab {
  return (DOCK_TABS as readonly DockTab[]).includes(tab) ? (tab as ShownDockTab) : DOCK_TABS[0];
}

/** The tab a key press on `current` moves to; null for keys the tab list does not use. */
export function tabForKey(current: ShownDockTab, key: string): ShownDockTab | null {
  return tabAfterKey(DOCK_TABS, current, key);
}
