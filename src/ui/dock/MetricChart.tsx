/**
 * One of Kafka's metrics as a small line chart, drawn by D3 into SVG whenever its series
 * changes (once a second): a transient store subscription, so React renders the chart's
 * frame once and never its points. Hovering shows the sample under the pointer; the
 * metric's name explains it on hover and on focus.
 */
import { area, bisector, line, max, pointer, scaleLinear, select } from "d3";
import { useEffect, useId, useRef } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import {
  METRIC_SAMPLES_LIMIT,
  type MetricName,
  type MetricSample,
} from "../store/activity-slice.ts";
import { ChartDownloads } from "../share/ChartDownloads.tsx";
import { usePlayground } from "../store/store.ts";
import { formatMetricNumber, metricHelpKey, metricScale } from "./metric-format.ts";
import { formatClock } from "./timeline-filter.ts";

const MARGIN = { top: 8, right: 8, bottom: 18, left: 36 };
/** The window a chart spans: one sample a second, as many as the store keeps. */
const WINDOW_MS = METRIC_SAMPLES_LIMIT * 1000;
/** The least height the y axis has, so a flat zero line sits at the bottom, not the middle. */
const MIN_DOMAIN: Partial<Record<MetricName, number>> = {
  IsrSize: 3,
  UnderReplicatedPartitions: 1,
};
const bySampleTime = bisector((sample: MetricSample) => sample.atMs).center;

export function MetricChart({ name }: { name: MetricName }) {
  const t = useTranslate();
  const helpId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const valueRef = useRef<HTMLSpanElement>(null);
  const unitRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const svgElement = svgRef.current!;
    const svg = select(svgElement);
    svg.selectAll("*").remove();
    const grid = svg.append("g").attr("class", "metric-grid");
    const areaPath = svg.append("path").attr("class", "metric-area");
    const linePath = svg.append("path").attr("class", "metric-line");
    const axisLabels = svg.append("g").attr("class", "metric-axis");
    const hover = svg.append("g").attr("class", "metric-hover").style("display", "none");
    const hoverLine = hover.append("line");
    const hoverDot = hover.append("circle").attr("r", 3);
    const hoverText = hover.append("text").attr("class", "metric-hover-text");
    const overlay = svg.append("rect").attr("class", "metric-overlay");
    let samples: MetricSample[] = [];

    const draw = () => {
      samples = usePlayground.getState().metrics[name];
      const width = svgElement.clientWidth;
      const height = svgElement.clientHeight;
      if (width === 0 || height === 0) return;
      const peak = max(samples, (sample) => sample.value) ?? 0;
      const { divisor, unit } = metricScale(name, peak);
      const lastAt = samples.length > 0 ? samples[samples.length - 1]!.atMs : 0;
      const x = scaleLinear()
        .domain([lastAt - WINDOW_MS, lastAt])
        .range([MARGIN.left, width - MARGIN.right]);
      const y = scaleLinear()
        .domain([0, Math.max(peak / divisor, MIN_DOMAIN[name] ?? 1)])
        .nice(3)
        .range([height - MARGIN.bottom, MARGIN.top]);
      const at = (sample: MetricSample) => x(sample.atMs);
      const level = (sample: MetricSample) => y(sample.value / divisor);
      linePath.attr("d", line<MetricSample>().x(at).y(level)(samples) ?? "");
      areaPath.attr("d", area<MetricSample>().x(at).y0(y(0)).y1(level)(samples) ?? "");
      svgElement.classList.toggle(
        "metric-alarm",
        name === "UnderReplicatedPartitions" && (samples[samples.length - 1]?.value ?? 0) > 0,
      );

      // Counts tick at whole numbers only; rates as d3 formats its ticks.
      const whole =
        name === "UnderReplicatedPartitions" || name === "IsrSize" || name === "records-lag-max";
      const ticks = whole ? y.ticks(3).filter(Number.isInteger) : y.ticks(3);
      const tickText = y.tickFormat(3);
      grid
        .selectAll("line")
        .data(ticks)
        .join("line")
        .attr("x1", MARGIN.left)
        .attr("x2", width - MARGIN.right)
        .attr("y1", (tick) => y(tick))
        .attr("y2", (tick) => y(tick));
      axisLabels
        .selectAll("text.metric-y")
        .data(ticks)
        .join("text")
        .attr("class", "metric-y")
        .attr("x", MARGIN.left - 4)
        .attr("y", (tick) => y(tick))
        .attr("dy", "0.32em")
        .text((tick) => (whole ? String(tick) : tickText(tick)));
      axisLabels
        .selectAll("text.metric-x")
        .data([
          {
            x: MARGIN.left,
            anchor: "start",
            text: t("metrics.axis.ago", { seconds: WINDOW_MS / 1000 }),
          },
          { x: width - MARGIN.right, anchor: "end", text: t("metrics.axis.now") },
        ])
        .join("text")
        .attr("class", "metric-x")
        .attr("x", (label) => label.x)
        .attr("y", height - 4)
        .attr("text-anchor", (label) => label.anchor)
        .text((label) => label.text);
      overlay
        .attr("x", MARGIN.left)
        .attr("y", MARGIN.top)
        .attr("width", Math.max(0, width - MARGIN.left - MARGIN.right))
        .attr("height", Math.max(0, height - MARGIN.top - MARGIN.bottom));

      const latest = samples[samples.length - 1];
      const unitText = t(unit);
      valueRef.current!.textContent =
        latest === undefined ? "–" : formatMetricNumber(name, latest.value / divisor);
      unitRef.current!.textContent = unitText;
      svgElement.setAttribute(
        "aria-label",
        latest === undefined
          ? t("metrics.chartEmpty", { name })
          : t("metrics.chart", {
              name,
              value: formatMetricNumber(name, latest.value / divisor),
              peak: formatMetricNumber(name, peak / divisor),
              unit: unitText,
              seconds: WINDOW_MS / 1000,
            }),
      );

      overlay.on("pointermove", (event: PointerEvent) => {
        if (samples.length === 0) return;
        const [pointerX] = pointer(event, svgElement);
        const sample = samples[bySampleTime(samples, x.invert(pointerX))]!;
        const sx = x(sample.atMs);
        hover.style("display", null);
        hoverLine
          .attr("x1", sx)
          .attr("x2", sx)
          .attr("y1", MARGIN.top)
          .attr("y2", height - MARGIN.bottom);
        hoverDot.attr("cx", sx).attr("cy", y(sample.value / divisor));
        hoverText
          .attr("x", sx < width / 2 ? sx + 6 : sx - 6)
          .attr("y", MARGIN.top + 10)
          .attr("text-anchor", sx < width / 2 ? "start" : "end")
          .text(
            `${formatMetricNumber(name, sample.value / divisor)} ${unitText} · ${formatClock(sample.atMs).slice(0, 8)}`,
          );
      });
      overlay.on("pointerleave", () => hover.style("display", "none"));
    };

    draw();
    const unsubscribe = usePlayground.subscribe((state, previous) => {
      if (state.metrics[name] !== previous.metrics[name]) draw();
    });
    const observer = new ResizeObserver(draw);
    observer.observe(svgElement);
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [name, t]);

  return (
    <figure className="metric">
      <figcaption className="metric-caption">
        <span className="metric-name" tabIndex={0} aria-describedby={helpId}>
          {name}
        </span>
        <span className="metric-help" role="tooltip" id={helpId}>
          {t(metricHelpKey(name))}
        </span>
        <span className="metric-figure" aria-hidden="true">
          <span className="metric-value" ref={valueRef}>
            –
          </span>{" "}
          <span className="metric-unit" ref={unitRef} />
        </span>
      </figcaption>
      <ChartDownloads
        name={name}
        svg={svgRef}
        title={() =>
          t("chart.fileTitle", {
            name,
            unit: unitRef.current?.textContent ?? "",
            seconds: WINDOW_MS / 1000,
          })
        }
      />
      <svg ref={svgRef} className="metric-chart" role="img" />
    </figure>
  );
}
