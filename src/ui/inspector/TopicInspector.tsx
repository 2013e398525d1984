/**
 * A topic: its partitions (leader, replicas, ISR and offsets, each row opening the
 * partition), its configs, and what can be done to it: add partitions, edit configs,
 * delete it, open its tapes, and add a producer or consumer (the keyboard's way to drag).
 */
import { useCallback } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { describeTopicConfigs } from "../playground/actions.ts";
import type { PlaygroundState } from "../store/store.ts";
import { leaderOffsets, type PartitionView } from "../store/topics-slice.ts";
import { openDialog, openTopicTapes, select } from "../store/view-actions.ts";
import { ConfigList } from "./ConfigList.tsx";
import { formatCount, formatOffset, formatRate } from "./format.ts";
import {
  Actions,
  Collapsible,
  CountTable,
  Fact,
  Facts,
  Gone,
  InspectorHeader,
  Section,
} from "./parts.tsx";
import { ratesOf } from "./series-book.ts";
import { seriesKey } from "./series-keys.ts";
import { useSeries } from "./series.ts";
import { Sparkline } from "./Sparkline.tsx";
import { isOffline, isUnderReplicated } from "./summaries.ts";
import { useThrottledSelector } from "./use-throttled-selector.ts";

export function TopicInspector({ topic }: { topic: string }) {
  const t = useTranslate();
  const view = useThrottledSelector(
    useCallback((state: PlaygroundState) => state.topics[topic], [topic]),
  );
  const appended = ratesOf(useSeries(seriesKey.topicLeo(topic)));
  const loadConfigs = useCallback(() => describeTopicConfigs(topic), [topic]);
  const kind = t("inspector.kind.topic");
  if (view === undefined) return <Gone kind={kind} title={topic} />;
  const underReplicated = view.partitions.filter(isUnderReplicated).length;
  const offline = view.partitions.filter(isOffline).length;
  return (
    <>
      <InspectorHeader kind={kind} title={topic}>
        {view.internal ? <p className="inspector-hint">{t("inspector.topic.internal")}</p> : null}
      </InspectorHeader>
      <Actions label={t("inspector.topic.actions")}>
        <button type="button" className="inspector-button" onClick={() => openTopicTapes(topic)}>
          {t("inspector.topic.openTapes")}
        </button>
        <button
          type="button"
          className="inspector-button"
          onClick={() => openDialog({ kind: "add-producer", topic })}
        >
          {t("inspector.topic.addProducer")}
        </button>
        <button
          type="button"
          className="inspector-button"
          onClick={() => openDialog({ kind: "add-consumer", topic })}
        >
          {t("inspector.topic.addConsumer")}
        </button>
        <button
          type="button"
          className="inspector-button"
          onClick={() => openDialog({ kind: "add-partitions", topic })}
        >
          {t("inspector.topic.addPartitions")}
        </button>
        <button
          type="button"
          className="inspector-button"
          onClick={() => openDialog({ kind: "topic-configs", topic })}
        >
          {t("inspector.topic.editConfigs")}
        </button>
        <button
          type="button"
          className="inspector-button danger"
          onClick={() => openDialog({ kind: "delete-topic", topic })}
        >
          {t("inspector.topic.delete")}
        </button>
      </Actions>
      <Section title={t("inspector.topic.overview")}>
        <CountTable
          rows={[
            {
              label: t("inspector.topic.partitionCount"),
              value: formatCount(view.partitions.length),
            },
            {
              label: t("inspector.topic.replicationFactor"),
              value: formatCount(view.partitions[0]?.replicas.length ?? null),
            },
            {
              label: "UnderReplicatedPartitions",
              value: formatCount(underReplicated),
              hint: t("inspector.summary.underReplicatedHint"),
              warn: underReplicated > 0,
            },
            {
              label: "OfflinePartitionsCount",
              value: formatCount(offline),
              hint: t("inspector.summary.offlineHint"),
              warn: offline > 0,
            },
          ]}
        />
        {view.topicId === null ? null : (
          <Facts>
            <Fact term={t("inspector.topic.topicId")}>
              <code className="inspector-id">{view.topicId}</code>
            </Fact>
          </Facts>
        )}
        <Sparkline
          samples={appended}
          label={t("inspector.topic.messagesIn")}
          value={t("inspector.unit.recordsPerSec", { value: formatRate(appended.at(-1)?.value) })}
        />
      </Section>
      <Section title={t("inspector.topic.partitions")}>
        <PartitionTable topic={topic} partitions={view.partitions} />
      </Section>
      <Collapsible title={t("inspector.configs.title")} initiallyOpen>
        <ConfigList load={loadConfigs} />
      </Collapsible>
    </>
  );
}

function PartitionTable({ topic, partitions }: { topic: string; partitions: PartitionView[] }) {
  const t = useTranslate();
  return (
    <div className="inspector-table-wrap">
      <table className="inspector-table inspector-partition-table">
        <thead>
          <tr>
            <th scope="col" title={t("inspector.col.partition")}>
              #
            </th>
            <th scope="col">{t("inspector.col.leader")}</th>
            <th scope="col">{t("inspector.col.replicas")}</th>
            <th scope="col">ISR</th>
            <th scope="col" className="num-col" title={t("inspector.hw.hint")}>
              HW
            </th>
            <th scope="col" className="num-col" title={t("inspector.leo.hint")}>
              LEO
            </th>
            <th scope="col" className="num-col" title={t("inspector.logStart.hint")}>
              {t("inspector.col.logStart")}
            </th>
          </tr>
        </thead>
        <tbody>
          {partitions.map((partition) => {
            const offsets = leaderOffsets(partition);
            const shrunk = isUnderReplicated(partition);
            return (
              <tr key={partition.partition}>
                <th scope="row">
                  <button
                    type="button"
                    className="inspector-chip"
                    aria-label={t("inspector.topic.openPartition", {
                      partition: partition.partition,
                    })}
                    onClick={() =>
                      select({ kind: "partition", topic, partition: partition.partition })
                    }
                  >
                    {partition.partition}
                  </button>
                </th>
                <td className={isOffline(partition) ? "tone-error" : undefined}>
                  {isOffline(partition) ? t("inspector.partition.none") : partition.leader}
                </td>
                <td className="num">{partition.replicas.join(",")}</td>
                <td className={shrunk ? "num tone-warn" : "num"}>
                  {partition.isr.join(",")}
                  {shrunk ? <span aria-label={t("inspector.topic.isrShrunk")}> ▲</span> : null}
                </td>
                <td className="num-col num">{formatOffset(offsets?.hw)}</td>
                <td className="num-col num">{formatOffset(offsets?.leo)}</td>
                <td className="num-col num">{formatOffset(offsets?.logStart)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
