/** The points of a sparkline's polyline, scaled into its box. */
import type { SeriesSample } from "./series-book.ts";

export const SPARKLINE_WIDTH = 112;
export const SPARKLINE_HEIGHT = 28;
export const SPARKLINE_PAD = 2;

/** The y axis starts at 0 (unless values go below), so a flat line near the top means "high". */
export function sparklinePoints(
  samples: readonly SeriesSample[],
  width = SPARKLINE_WIDTH,
  height = SPARKLINE_HEIGHT,
): string {
  if (samples.length < 2) return "";
  const first = (samples[0] as SeriesSample).atMs;
  const span = Math.max(1, (samples.at(-1) as SeriesSample).atMs - first);
  const values = samples.map((sample) => sample.value);
  const low = Math.min(0, ...values);
  const high = Math.max(...values);
  const range = high - low || 1;
  const pad = SPARKLINE_PAD;
  return samples
    .map((sample) => {
      const x = pad + ((sample.atMs - first) / span) * (width - 2 * pad);
      const y = height - pad - ((sample.value - low) / range) * (height - 2 * pad);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}
