/**
 * Turns the log benchmark's rounds into figures: medians (with the spread), the issue's
 * targets and whether each was met, a table for the terminal and a JSON record for
 * bench/results/. MB and GB are decimal (10^6, 10^9 bytes), as throughput usually is.
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
  rounds: number[];
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error("no rounds to summarise");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, rounds: [...values] };
}

export const megabytesPerSecond = (bytes: number, seconds: number): number => bytes / seconds / 1e6;

export interface Figure {
  name: string;
  unit: string;
  spread: Spread;
  /** Extra facts for the table, e.g. records/s. */
  note?: string;
  target?: { text: string; met: boolean };
}

function formatNumber(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString("en-US");
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatTable(figures: readonly Figure[]): string[] {
  const rows = figures.map((figure) => [
    figure.name,
    `${formatNumber(figure.spread.median)} ${figure.unit}`,
    `${formatNumber(figure.spread.min)} – ${formatNumber(figure.spread.max)}`,
    figure.target === undefined
      ? ""
      : `${figure.target.met ? "met" : "MISSED"}: ${figure.target.text}`,
    figure.note ?? "",
  ]);
  const header = ["measure", "median", "min – max", "target", "notes"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)];
}
