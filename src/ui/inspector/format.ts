/**
 * Numbers as the inspector prints them: offsets as plain integers (Kafka's tools print them
 * so), counts with grouping, bytes with a binary unit, rates with one decimal when small.
 * Unknown values print as an en dash, the same width as a digit in tabular figures.
 */
export const UNKNOWN = "–";

export function formatOffset(offset: number | null | undefined): string {
  return offset === null || offset === undefined || offset < 0
    ? UNKNOWN
    : String(Math.trunc(offset));
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatCount(count: number | null | undefined): string {
  return count === null || count === undefined || !Number.isFinite(count)
    ? UNKNOWN
    : grouped.format(count);
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return UNKNOWN;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${BYTE_UNITS[unit]}`;
}

export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return UNKNOWN;
  return perSecond < 10 ? perSecond.toFixed(1) : grouped.format(perSecond);
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return UNKNOWN;
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${grouped.format(ms)} ms`;
}
