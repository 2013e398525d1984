/** Numbers as the canvas writes them: bytes with units, offsets as grouped integers. */

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

/** 1536 → "1.5 KB" (powers of 1024, one decimal below 10, none above). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

// One formatter per language: toLocaleString builds a new one on every call, which showed
// in profiles of a busy page (every replica's LEO is formatted every frame).
const INTEGER_FORMATS = {
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }),
  ko: new Intl.NumberFormat("ko-KR", { maximumFractionDigits: 0 }),
};

/** An offset or count as an integer with thousands separators in the viewer's language. */
export function formatInteger(value: number, language: string): string {
  return INTEGER_FORMATS[language === "ko" ? "ko" : "en"].format(Math.trunc(value));
}
