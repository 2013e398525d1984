/**
 * A partition: its leader and epoch, each replica's LEO, HW and log start and whether it is
 * in sync, its segments, and each group's committed offset and lag. HW and LEO are
 * explained in a line each: they are what people come to learn.
 */
import { useCallback, useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import type { PlaygroundState } from "../store/store.ts";
import { leaderOffsets } from "../store/topics-slice.ts";
import { openTopicTapes, select } from "../store/view-actions.ts";
import { formatCount, formatOffset, UNKNOWN } from "./format.ts";
import { Actions, Badge, Fact, Facts, Gone, InspectorHeader, Num, Section } from "./parts.tsx";
import { seriesKey } from "./series-keys.ts";
import { useSeries } from "./series.ts";
import { Sparkline } from "./Sparkline.tsx";
import { isOffline, partitionGroupRows, replicaRows } from "./summaries.ts";
import { useThrottledSelector } from "./use-throttled-selector.ts";

const selectGroups = (state: PlaygroundState) => state.groups;

export function PartitionInspector({ topic, partition }: { topic: string; partition: number }) {
  const t = useTranslate();
  const view = useThrottledSelector(
    useCallback(
      (state: PlaygroundState) => state.topics[topic]?.partitions[partition],
      [topic, partition],
    ),
  );
  const groups = useThrottledSelector(selectGroups);
  const leoSeries = useSeries(seriesKey.partitionLeo(topic, partition));
  const groupRows = useMemo(() => {
    const hw = view === undefined ? null : (leaderOffsets(view)?.hw ?? null);
    return partitionGroupRows(groups, topic, partition, hw);
  }, [groups, topic, partition, view]);
  const kind = t("inspector.kind.partition");
  const title = `${topic}-${partition}`;
  if (view === undefined) return <Gone kind={kind} title={title} />;
  const replicas = replicaRows(view);
  const offsets = leaderOffsets(view);
  return (
    <>
      <InspectorHeader kind={kind} title={title}>
        {isOffline(view) ? (
          <p className="inspector-badges">
            <Badge tone="error" mark="✕">
              {t("inspector.partition.offline")}
            </Badge>
          </p>
        ) : null}
      </InspectorHeader>
      <Actions label={t("inspector.partition.actions")}>
        <button
          type="button"
          className="inspector-button"
          onClick={() => select({ kind: "topic", topic })}
        >
          {t("inspector.partition.showTopic", { topic })}
        </button>
        <button type="button" className="inspector-button" onClick={() => openTopicTapes(topic)}>
          {t("inspector.topic.openTapes")}
        </button>
      </Actions>
      <Section title={t("inspector.partition.leadership")}>
        <Facts>
          <Fact term={t("inspector.col.leader")}>
            {isOffline(view) ? (
              <span className="tone-error">{t("inspector.partition.none")}</span>
            ) : (
              <button
                type="button"
                className="inspector-chip"
                onClick={() => select({ kind: "broker", brokerId: view.leader })}
              >
                {t("inspector.broker.title", { id: view.leader })}
              </button>
            )}
          </Fact>
          <Fact
            term={t("inspector.partition.leaderEpoch")}
            tip={t("inspector.partition.leaderEpochHint")}
          >
            <Num>{view.leaderEpoch < 0 ? UNKNOWN : view.leaderEpoch}</Num>
          </Fact>
          <Fact term="HW" hint={t("inspector.hw.hint")}>
            <Num>{formatOffset(offsets?.hw)}</Num>
          </Fact>
          <Fact term="LEO" hint={t("inspector.leo.hint")}>
            <Num>{formatOffset(offsets?.leo)}</Num>
          </Fact>
          <Fact term={t("inspector.col.logStart")} hint={t("inspector.logStart.hint")}>
            <Num>{formatOffset(offsets?.logStart)}</Num>
          </Fact>
        </Facts>
        <Sparkline
          samples={leoSeries}
          label={t("inspector.partition.leoSeries")}
          value={formatOffset(offsets?.leo)}
        />
      </Section>
      <Section title={t("inspector.partition.replicas")}>
        <table className="inspector-table">
          <thead>
            <tr>
              <th scope="col">{t("inspector.col.broker")}</th>
              <th scope="col" className="num-col">
                LEO
              </th>
              <th scope="col" className="num-col">
                HW
              </th>
              <th scope="col" className="num-col">
                {t("inspector.col.logStart")}
              </th>
              <th scope="col">ISR</th>
            </tr>
          </thead>
          <tbody>
            {replicas.map((replica) => (
              <tr key={replica.brokerId}>
                <th scope="row">
                  <button
                    type="button"
                    className="inspector-chip"
                    onClick={() => select({ kind: "broker", brokerId: replica.brokerId })}
                    aria-label={t(
                      replica.isLeader
                        ? "inspector.partition.leaderOn"
                        : "inspector.partition.followerOn",
                      {
                        id: replica.brokerId,
                      },
                    )}
                  >
                    {replica.isLeader ? <span aria-hidden="true">♛ </span> : null}
                    {replica.brokerId}
                  </button>
                </th>
                <td className="num-col num">{formatOffset(replica.offsets?.leo)}</td>
                <td className="num-col num">{formatOffset(replica.offsets?.hw)}</td>
                <td className="num-col num">{formatOffset(replica.offsets?.logStart)}</td>
                <td>
                  {replica.offline ? (
                    <Badge tone="error" mark="✕">
                      {t("inspector.partition.offlineReplica")}
                    </Badge>
                  ) : replica.inSync ? (
                    <Badge tone="ok" mark="✓">
                      {t("inspector.partition.inSync")}
                    </Badge>
                  ) : (
                    <Badge tone="warn" mark="▲">
                      {t("inspector.partition.outOfSync")}
                    </Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="inspector-hint">{t("inspector.partition.isrHint")}</p>
      </Section>
      <Section title={t("inspector.partition.segments")}>
        <Facts>
          <Fact term={t("inspector.partition.segmentCount")}>
            <Num>{formatCount(view.segmentBases.length)}</Num>
          </Fact>
          <Fact term={t("inspector.partition.segmentBases")}>
            <span className="num">
              {view.segmentBases.map((base) => formatOffset(base)).join(", ")}
            </span>
          </Fact>
        </Facts>
        <p className="inspector-hint">{t("inspector.partition.segmentsHint")}</p>
      </Section>
      <Section title={t("inspector.partition.groups")}>
        {groupRows.length === 0 ? (
          <p className="muted">{t("inspector.partition.noGroups")}</p>
        ) : (
          <table className="inspector-table">
            <thead>
              <tr>
                <th scope="col">{t("inspector.col.group")}</th>
                <th scope="col" className="num-col">
                  {t("inspector.col.committed")}
                </th>
                <th scope="col" className="num-col" title={t("inspector.lag.hint")}>
                  {t("inspector.col.lag")}
                </th>
              </tr>
            </thead>
            <tbody>
              {groupRows.map((row) => (
                <tr key={row.groupId}>
                  <th scope="row">
                    <button
                      type="button"
                      className="inspector-chip"
                      onClick={() => select({ kind: "group", groupId: row.groupId })}
                    >
                      {row.groupId}
                    </button>
                  </th>
                  <td className="num-col num">{formatOffset(row.committed)}</td>
                  <td className="num-col num">{formatCount(row.lag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="inspector-hint">{t("inspector.lag.hint")}</p>
      </Section>
    </>
  );
}
