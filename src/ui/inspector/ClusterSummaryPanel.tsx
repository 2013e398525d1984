/** Nothing selected: a hint of what can be selected, and the cluster at a glance. */
import { useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import type { PlaygroundState } from "../store/store.ts";
import { formatCount, formatRate, UNKNOWN } from "./format.ts";
import { Badge, CountTable, Fact, Facts, Section } from "./parts.tsx";
import { Sparkline } from "./Sparkline.tsx";
import { summarizeCluster, type SummaryState } from "./summaries.ts";
import { useThrottledSelector } from "./use-throttled-selector.ts";

const selectSummaryState = (state: PlaygroundState): SummaryState => state;
/** The summary changes only when one of the slices it reads does. */
function sameSummaryState(a: SummaryState, b: SummaryState): boolean {
  return (
    a.clusterId === b.clusterId &&
    a.brokers === b.brokers &&
    a.controllerId === b.controllerId &&
    a.controllerEpoch === b.controllerEpoch &&
    a.storage === b.storage &&
    a.topics === b.topics &&
    a.groups === b.groups
  );
}
const selectMessagesIn = (state: PlaygroundState) => state.metrics.MessagesInPerSec;

export function ClusterSummaryPanel() {
  const t = useTranslate();
  const state = useThrottledSelector(selectSummaryState, sameSummaryState);
  const summary = useMemo(() => summarizeCluster(state), [state]);
  const messagesIn = useThrottledSelector(selectMessagesIn);
  const { alive, fenced, dead } = summary.brokers;
  const withInternal = (count: number, internal: number) =>
    internal === 0
      ? formatCount(count)
      : t("inspector.summary.withInternal", { count: formatCount(count), internal });
  return (
    <>
      <header className="inspector-header">
        <h2 className="inspector-title-plain">{t("inspector.summary.title")}</h2>
        <p className="inspector-hint-box">{t("inspector.summary.hint")}</p>
      </header>
      <Section title={t("inspector.summary.cluster")}>
        <Facts>
          <Fact term={t("inspector.summary.clusterId")}>
            <code className="inspector-id">{summary.clusterId ?? UNKNOWN}</code>
          </Fact>
          <Fact term={t("inspector.summary.brokers")} wide>
            <span className="inspector-inline-list">
              <Badge tone="ok" mark="●">
                {t("inspector.summary.alive", { count: alive })}
              </Badge>
              <Badge tone={fenced > 0 ? "warn" : "muted"} mark="◍">
                {t("inspector.summary.fenced", { count: fenced })}
              </Badge>
              <Badge tone={dead > 0 ? "error" : "muted"} mark="✕">
                {t("inspector.summary.dead", { count: dead })}
              </Badge>
            </span>
          </Fact>
          <Fact
            term={t("inspector.summary.controller")}
            hint={t("inspector.summary.controllerHint")}
          >
            {summary.controllerId === null
              ? t("inspector.summary.noController")
              : t("inspector.summary.controllerValue", {
                  id: summary.controllerId,
                  epoch: summary.controllerEpoch,
                })}
          </Fact>
          <Fact term={t("inspector.summary.storage")}>{summary.storage ?? UNKNOWN}</Fact>
        </Facts>
      </Section>
      <Section title={t("inspector.summary.data")}>
        <CountTable
          rows={[
            {
              label: t("inspector.summary.topics"),
              value: withInternal(summary.topics, summary.internalTopics),
            },
            {
              label: t("inspector.summary.partitions"),
              value: withInternal(summary.partitions, summary.internalPartitions),
            },
            { label: t("inspector.summary.groups"), value: formatCount(summary.groups) },
            {
              label: "UnderReplicatedPartitions",
              value: formatCount(summary.underReplicated),
              hint: t("inspector.summary.underReplicatedHint"),
              warn: summary.underReplicated > 0,
            },
            {
              label: "OfflinePartitionsCount",
              value: formatCount(summary.offline),
              hint: t("inspector.summary.offlineHint"),
              warn: summary.offline > 0,
            },
          ]}
        />
        <Sparkline
          samples={messagesIn}
          label="MessagesInPerSec"
          value={t("inspector.unit.recordsPerSec", { value: formatRate(messagesIn.at(-1)?.value) })}
        />
      </Section>
    </>
  );
}
