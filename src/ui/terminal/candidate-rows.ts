/**
 * Completion candidates listed as bash lists them when Tab cannot choose: in columns,
 * down then across, as wide as the longest name and two spaces, within a line width.
 */

/** Candidates listed at most; the rest are counted. */
export const MAX_LISTED_CANDIDATES = 100;
const LINE_WIDTH = 100;

export function candidateRows(candidates: readonly string[], lineWidth = LINE_WIDTH): string[] {
  if (candidates.length === 0) return [];
  const cellWidth = Math.max(...candidates.map((name) => name.length)) + 2;
  const columns = Math.max(1, Math.floor(lineWidth / cellWidth));
  const rowCount = Math.ceil(candidates.length / columns);
  const rows: string[] = [];
  for (let row = 0; row < rowCount; row++) {
    let text = "";
    for (let column = 0; column < columns; column++) {
      const name = candidates[column * rowCount + row];
      if (name !== undefined) text += name.padEnd(cellWidth);
    }
    rows.push(text.trimEnd());
  }
  return rows;
}
