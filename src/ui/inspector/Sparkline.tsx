/**
 * A small line of the last minute of one number, with its latest value in words beside it
 * (the line is decoration for sighted readers; the label carries the number for everyone).
 */
import type { SeriesSample } from "./series-book.ts";
import {
  SPARKLINE_HEIGHT as HEIGHT,
  SPARKLINE_PAD as PAD,
  SPARKLINE_WIDTH as WIDTH,
  sparklinePoints,
} from "./sparkline-points.ts";

export function Sparkline({
  samples,
  label,
  value,
}: {
  samples: readonly SeriesSample[];
  /** What the line is, e.g. "LEO over the last minute". */
  label: string;
  /** The latest value, formatted with its unit. */
  value: string;
}) {
  const points = sparklinePoints(samples);
  return (
    <figure className="inspector-sparkline">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        <line
          x1={PAD}
          x2={WIDTH - PAD}
          y1={HEIGHT - PAD}
          y2={HEIGHT - PAD}
          className="inspector-sparkline-baseline"
        />
        {points === "" ? null : <polyline points={points} />}
      </svg>
      <figcaption>
        <span className="inspector-sparkline-label">{label}</span>
        <span className="num">{value}</span>
      </figcaption>
    </figure>
  );
}
