/** Above the metric charts: what they show, and every sample of every metric as CSV. */
import { useTranslate } from "../i18n/use-translate.ts";
import { METRIC_SAMPLES_LIMIT } from "../store/activity-slice.ts";
import { usePlayground } from "../store/store.ts";
import { downloadText, fileStamp } from "./download.ts";
import { DownloadIcon } from "./icons.tsx";
import { metricsCsv } from "./metrics-csv.ts";
import "./share.css";

export function MetricsToolbar() {
  const t = useTranslate();
  const download = () => {
    const { metrics, clusterId } = usePlayground.getState();
    downloadText(
      metricsCsv(metrics, clusterId),
      `kafka-playground-metrics-${fileStamp()}.csv`,
      "text/csv",
    );
  };
  return (
    <div className="dock-toolbar metrics-toolbar">
      <span className="muted">{t("metrics.toolbarNote", { seconds: METRIC_SAMPLES_LIMIT })}</span>
      <button
        type="button"
        className="metrics-csv"
        onClick={download}
        title={t("metrics.downloadCsvLabel")}
        data-testid="metrics-csv"
      >
        <DownloadIcon />
        {t("metrics.downloadCsv")}
      </button>
    </div>
  );
}
