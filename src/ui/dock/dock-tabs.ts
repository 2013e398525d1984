/**
 * The dock's tabs in order, and the WAI-ARIA tabs pattern's keyboard: arrows move to the
 * neighbouring tab (wrapping), Home and End to the first and last.
 */
import type { DockTab } from "../store/view-slice.ts";

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
  const index = DOCK_TABS.indexOf(current);
  const last = DOCK_TABS.length - 1;
  switch (key) {
    case "ArrowRight":
      return DOCK_TABS[index === last ? 0 : index + 1]!;
    case "ArrowLeft":
      return DOCK_TABS[index === 0 ? last : index - 1]!;
    case "Home":
      return DOCK_TABS[0];
    case "End":
      return DOCK_TABS[last]!;
    default:
      return null;
  }
}
