/**
 * The canvas's own view state, which nothing else reads: whether internal topics show, and
 * which link's popover is open. Kept apart from the page's store so it never persists or
 * wakes other panels.
 */
import { create } from "zustand";
import type { LinkEnd } from "./link-state.ts";

export interface OpenLink {
  a: LinkEnd;
  b: LinkEnd;
}

interface CanvasView {
  showInternal: boolean;
  openLink: OpenLink | null;
}

export const useCanvasView = create<CanvasView>(() => ({ showInternal: false, openLink: null }));

export function setShowInternal(showInternal: boolean): void {
  useCanvasView.setState({ showInternal });
}

export function openLinkPopover(link: OpenLink | null): void {
  useCanvasView.setState({ openLink: link });
}
