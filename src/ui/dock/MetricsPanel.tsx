/** The metrics tab: Kafka's metrics as small multiples, one chart each, in one row at 1280 px. */
import { useTranslate } from "../i18n/use-translate.ts";
import { METRIC_NAMES } from "../store/activity-slice.ts";
import { MetricChart } from "./MetricChart.tsx";

export function MetricsPanel() {
  const t = useTranslate();
  return (
    <div className="metrics" role="group" aria-label={t("metrics.grid")}>
      {METRIC_NAMES.map((name) => (
        <MetricChart key={name} name={name} />
      ))}
    </div>
  );
}
