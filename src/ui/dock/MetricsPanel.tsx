/**
 * The metrics tab: Kafka's metrics as small multiples, one chart each, in one row at 1280 px,
 * under a toolbar that downloads every sample as CSV.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { MetricsToolbar } from "../share/MetricsToolbar.tsx";
import { METRIC_NAMES } from "../store/activity-slice.ts";
import { MetricChart } from "./MetricChart.tsx";

export function MetricsPanel() {
  const t = useTranslate();
  return (
    <>
      <MetricsToolbar />
      <div className="metrics" role="group" aria-label={t("metrics.grid")}>
        {METRIC_NAMES.map((name) => (
          <MetricChart key={name} name={name} />
        ))}
      </div>
    </>
  );
}
