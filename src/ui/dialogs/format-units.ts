/**
 * Config values read aloud: 604800000 ms is "7 days", 1073741824 bytes is "1 GiB". Durations
 * use the viewer's language (Intl's unit names); byte sizes use binary units, as Kafka's
 * documentation writes them.
 */
import type { Language } from "../i18n/translate.ts";

const DURATION_UNITS: [unit: string, ms: number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
  ["millisecond", 1],
];

/** The largest unit the value is at least one of, to one decimal. */
export function formatDurationMs(ms: number, language: Language): string {
  const [unit, size] =
    DURATION_UNITS.find(([, size]) => Math.abs(ms) >= size) ?? DURATION_UNITS.at(-1)!;
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit,
    unitDisplay: "long",
    maximumFractionDigits: 1,
  }).format(ms / size);
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

export function formatBytes(bytes: number, language: Language): string {
  let value = bytes;
  let index = 0;
  while (Math.abs(value) >= 1024 && index < BYTE_UNITS.length - 1) {
    value /= 1024;
    index++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)} ${BYTE_UNITS[index]}`;
}
