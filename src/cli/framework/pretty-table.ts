/**
 * ToolsUtils.prettyPrintTable: a header row and rows, each cell padded to its column's
 * widest entry and followed by a tab (the last cell too), as Kafka's newer tools print
 * tables (kafka-metadata-quorum --replication).
 */
export function prettyTableLines(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = headers.map((header, column) =>
    rows.reduce((width, row) => Math.max(width, (row[column] ?? "").length), header.length),
  );
  const render = (cells: readonly string[]) =>
    widths.map((width, column) => `${(cells[column] ?? "").padEnd(width)}\t`).join("");
  return [render(headers), ...rows.map(render)];
}
