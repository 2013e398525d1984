/**
 * The arithmetic of a list that renders only the rows in view (every row the same height):
 * which rows to draw, and whether the viewer is at the bottom (so new rows keep it there).
 */

/** Rows drawn above and below the viewport, so a fast scroll shows no blank band. */
export const OVERSCAN_ROWS = 8;

/** The rows [start, end) to render for a viewport at `scrollTop`. */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = OVERSCAN_ROWS,
): { start: number; end: number } {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + inView + overscan);
  return { start, end };
}

/** Whether the viewport shows the last pixel row (within `slack` px: zoomed pages round). */
export function isAtBottom(
  scrollTop: number,
  viewportHeight: number,
  scrollHeight: number,
  slack = 4,
): boolean {
  return scrollTop + viewportHeight >= scrollHeight - slack;
}

/** The scrollTop that brings row `index` into view, or null when it already is. */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return null;
}
