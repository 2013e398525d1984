/**
 * Arrow keys in the lesson list. The list is laid out in columns read top to bottom
 * (1–8 on the left, 9–15 on the right), so Up/Down step through the lessons in order and
 * Left/Right jump to the same row of the neighbouring column. Home and End go to the ends.
 */

/** The index focus moves to for `key`, or null when the key does not move it. */
export function nextListIndex(
  key: string,
  index: number,
  count: number,
  rows: number,
): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  switch (key) {
    case "ArrowDown":
      return Math.min(last, index + 1);
    case "ArrowUp":
      return Math.max(0, index - 1);
    case "ArrowRight":
      return index + rows <= last ? index + rows : index;
    case "ArrowLeft":
      return index - rows >= 0 ? index - rows : index;
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

/** Rows of the list's column-major grid: one column when short, two when long. */
export function listRows(count: number, columns: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, columns)));
}
