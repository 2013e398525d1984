/**
 * A consumer the user placed: its group and member id, its status, the partitions it owns
 * with their lag, what it consumed, its settings by Kafka's names, and how it can leave:
 * close (LeaveGroup: the group rebalances at once), crash (no goodbye: the coordinator
 * waits out session.timeout.ms), or remove.
 */
import { useCallback, useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { closeConsumer, crashConsumer, removeConsumer } from "../playground/actions.ts";
import type { ConsumerStatus } from "../store/clients-slice.ts";
import type { PlaygroundState } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { ClientErrorNote } from "./ClientErrorNote.tsx";
import { formatCount, formatRate } from "./format.ts";
import { KafkaConfigFacts } from "./KafkaConfigFacts.tsx";
import { consumerConfigLines } from "./kafka-names.ts";
import {
  ActionButton,
  TopicFact,
  Actions,
  Badge,
  Fact,
  Facts,
  Gone,
  InspectorHeader,
  Num,
  Section,
} from "./parts.tsx";
import { ratesOf } from "./series-book.ts";
import { seriesKey } from "./series-keys.ts";
import { useSeries } from "./series.ts";
import { OffsetTable } from "./OffsetTable.tsx";
import { Sparkline } from "./Sparkline.tsx";
import { consumerPartitionRows } from "./summaries.ts";
import { useThrottledSelector } from "./use-throttled-selector.ts";

const STATUS_BADGE: Record<
  ConsumerStatus,
  { tone: "ok" | "warn" | "error" | "muted"; mark: string }
> = {
  joining: { tone: "muted", mark: "◌" },
  consuming: { tone: "ok", mark: "●" },
  rebalancing: { tone: "warn", mark: "↻" },
  crashed: { tone: "error", mark: "✕" },
  closed: { tone: "muted", mark: "○" },
  error: { tone: "error", mark: "✕" },
};

const NO_COMMITS: Record<string, number> = {};
const selectTopics = (state: PlaygroundState) => state.topics;

export function ConsumerInspector({ consumerId }: { consumerId: string }) {
  const t = useTranslate();
  const consumer = useThrottledSelector(
    useCallback((state: PlaygroundState) => state.consumers[consumerId], [consumerId]),
  );
  const groupId = consumer?.settings.groupId ?? null;
  const committed = useThrottledSelector(
    useCallback(
      (state: PlaygroundState) =>
        groupId === null ? NO_COMMITS : (state.groups[groupId]?.committed ?? NO_COMMITS),
      [groupId],
    ),
  );
  const topics = useThrottledSelector(selectTopics);
  const rows = useMemo(
    () => (consumer === undefined ? [] : consumerPartitionRows(consumer, committed, topics)),
    [consumer, committed, topics],
  );
  const consumed = ratesOf(useSeries(seriesKey.consumerConsumed(consumerId)));
  const kind = t("inspector.kind.consumer");
  if (consumer === undefined) return <Gone kind={kind} title={consumerId} />;
  const { settings } = consumer;
  const stopped = consumer.status === "crashed" || consumer.status === "closed";
  return (
    <>
      <InspectorHeader kind={kind} title={consumer.id}>
        <p className="inspector-badges">
          <Badge {...STATUS_BADGE[consumer.status]}>
            {t(`inspector.consumerStatus.${consumer.status}`)}
          </Badge>
        </p>
      </InspectorHeader>
      <Actions label={t("inspector.consumer.actions")}>
        <ActionButton
          label={t("inspector.consumer.close")}
          title={t("inspector.consumer.closeHint")}
          disabled={stopped}
          run={() => closeConsumer(consumer.id)}
        />
        <ActionButton
          label={t("inspector.consumer.crash")}
          title={t("inspector.consumer.crashHint")}
          disabled={stopped}
          run={() => crashConsumer(consumer.id)}
        />
        <ActionButton
          label={t("inspector.consumer.remove")}
          tone="danger"
          run={() => removeConsumer(consumer.id)}
          onDone={() => select(null)}
        />
      </Actions>
      <p className="inspector-hint">{t("inspector.consumer.leaveHint")}</p>
      <Section title={t("inspector.consumer.membership")}>
        <Facts>
          <Fact term="group.id">
            <button
              type="button"
              className="inspector-chip"
              onClick={() => select({ kind: "group", groupId: settings.groupId })}
            >
              {settings.groupId}
            </button>
          </Fact>
          <Fact term={t("inspector.consumer.memberId")}>
            <code className="inspector-id truncate" title={consumer.memberId ?? undefined}>
              {consumer.memberId === null ? t("inspector.consumer.noMember") : consumer.memberId}
            </code>
          </Fact>
          <TopicFact topic={settings.topic} />
          <Fact term={t("inspector.consumer.consumed")}>
            <Num>{formatCount(consumer.consumed)}</Num>
          </Fact>
          <Fact term={t("inspector.consumer.processingDelay")}>
            <Num>{`${formatCount(settings.processingDelayMs)} ms`}</Num>
          </Fact>
        </Facts>
        <Sparkline
          samples={consumed}
          label={t("inspector.consumer.consumedRate")}
          value={t("inspector.unit.recordsPerSec", { value: formatRate(consumed.at(-1)?.value) })}
        />
      </Section>
      <Section title={t("inspector.consumer.assigned")}>
        {rows.length === 0 ? (
          <p className="muted">{t("inspector.consumer.noPartitions")}</p>
        ) : (
          <OffsetTable rows={rows} />
        )}
        <p className="inspector-hint">{t("inspector.lag.hint")}</p>
      </Section>
      <Section title={t("inspector.client.lastError")}>
        <ClientErrorNote error={consumer.lastError} />
      </Section>
      <Section title={t("inspector.client.configs")}>
        <KafkaConfigFacts lines={consumerConfigLines(settings)} />
      </Section>
    </>
  );
}
