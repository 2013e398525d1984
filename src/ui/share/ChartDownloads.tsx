/**
 * A metric chart's two downloads: the chart as SVG (its theme colours written in) and as a
 * PNG at twice its size, each titled with the metric, its unit and the window it covers.
 */
import type { RefObject } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { chartSvgText, svgToPng } from "./chart-export.ts";
import { downloadBlob, downloadText, fileStamp } from "./download.ts";

interface ChartDownloadsProps {
  name: string;
  svg: RefObject<SVGSVGElement | null>;
  /** The title written above the chart in the file. */
  title: () => string;
}

export function ChartDownloads({ name, svg, title }: ChartDownloadsProps) {
  const t = useTranslate();
  const base = `${name}-${fileStamp()}`;
  const asSvg = () => {
    if (svg.current === null) return;
    downloadText(chartSvgText(svg.current, title()), `${base}.svg`, "image/svg+xml");
  };
  const asPng = async () => {
    if (svg.current === null) return;
    downloadBlob(await svgToPng(chartSvgText(svg.current, title())), `${base}.png`);
  };
  return (
    <span className="chart-downloads">
      <button
        type="button"
        aria-label={t("chart.downloadSvgLabel", { name })}
        title={t("chart.downloadSvgLabel", { name })}
        onClick={asSvg}
        data-testid={`chart-svg-${name}`}
      >
        {t("chart.downloadSvg")}
      </button>
      <button
        type="button"
        aria-label={t("chart.downloadPngLabel", { name })}
        title={t("chart.downloadPngLabel", { name })}
        onClick={() => void asPng()}
        data-testid={`chart-png-${name}`}
      >
        {t("chart.downloadPng")}
      </button>
    </span>
  );
}
