/**
 * A producer the user placed: its settings by Kafka's names, its counters and p99 latency,
 * its last error, and what can be done to it: stop or start sending, remove it.
 */
import { useCallback } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { removeProducer, updateProducer } from "../playground/actions.ts";
import { defaultProducerSettings, type ProducerView } from "../store/clients-slice.ts";
import type { PlaygroundState } from "../store/store.ts";
import { openDialog, select } from "../store/view-actions.ts";
import { ClientErrorNote } from "./ClientErrorNote.tsx";
import { formatCount, formatMs, formatRate } from "./format.ts";
import { KafkaConfigFacts } from "./KafkaConfigFacts.tsx";
import { producerConfigLines } from "./kafka-names.ts";
import {
  ActionButton,
  TopicFact,
  Actions,
  Badge,
  CountTable,
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
import { Sparkline } from "./Sparkline.tsx";
import { useThrottledSelector } from "./use-throttled-selector.ts";

/** The rate each stopped producer had, so starting it again restores it (this page only). */
const stoppedRates = new Map<string, number>();

function stopSending(producer: ProducerView) {
  stoppedRates.set(producer.id, producer.settings.ratePerSec);
  return updateProducer(producer.id, { ...producer.settings, ratePerSec: 0 });
}

function startSending(producer: ProducerView) {
  const rate =
    stoppedRates.get(producer.id) ?? defaultProducerSettings(producer.settings.topic).ratePerSec;
  return updateProducer(producer.id, { ...producer.settings, ratePerSec: rate > 0 ? rate : 1 });
}

const STATUS_TONE = { starting: "muted", running: "ok", paused: "muted", error: "error" } as const;
const STATUS_MARK = { starting: "◌", running: "●", paused: "❚❚", error: "✕" } as const;

export function ProducerInspector({ producerId }: { producerId: string }) {
  const t = useTranslate();
  const producer = useThrottledSelector(
    useCallback((state: PlaygroundState) => state.producers[producerId], [producerId]),
  );
  const acknowledged = ratesOf(useSeries(seriesKey.producerAcknowledged(producerId)));
  const kind = t("inspector.kind.producer");
  if (producer === undefined) return <Gone kind={kind} title={producerId} />;
  const { settings } = producer;
  const sending = settings.ratePerSec > 0;
  return (
    <>
      <InspectorHeader kind={kind} title={producer.id}>
        <p className="inspector-badges">
          <Badge tone={STATUS_TONE[producer.status]} mark={STATUS_MARK[producer.status]}>
            {t(`inspector.producerStatus.${producer.status}`)}
          </Badge>
        </p>
      </InspectorHeader>
      <Actions label={t("inspector.producer.actions")}>
        {sending ? (
          <ActionButton label={t("inspector.producer.stop")} run={() => stopSending(producer)} />
        ) : (
          <ActionButton label={t("inspector.producer.start")} run={() => startSending(producer)} />
        )}
        <button
          type="button"
          className="inspector-button"
          onClick={() =>
            openDialog({
              kind: "edit-producer",
              topic: producer.settings.topic,
              producerId: producer.id,
            })
          }
        >
          {t("inspector.producer.edit")}
        </button>
        <ActionButton
          label={t("inspector.producer.remove")}
          tone="danger"
          run={() => removeProducer(producer.id)}
          onDone={() => select(null)}
        />
      </Actions>
      <Section title={t("inspector.producer.sending")}>
        <Facts>
          <TopicFact topic={settings.topic} />
          <Fact term={t("inspector.producer.rate")}>
            <Num>
              {t("inspector.unit.recordsPerSec", { value: formatCount(settings.ratePerSec) })}
            </Num>
          </Fact>
          <Fact term={t("inspector.producer.keys")}>
            {t(`inspector.keyMode.${settings.keyMode}`)}
          </Fact>
        </Facts>
      </Section>
      <Section title={t("inspector.producer.counters")}>
        <CountTable
          rows={[
            { label: t("inspector.producer.sent"), value: formatCount(producer.sent) },
            {
              label: t("inspector.producer.acknowledged"),
              value: formatCount(producer.acknowledged),
            },
            {
              label: t("inspector.producer.failed"),
              value: formatCount(producer.failed),
              warn: producer.failed > 0,
            },
            {
              label: t("inspector.producer.retries"),
              value: formatCount(producer.retries),
              warn: producer.retries > 0,
            },
            {
              label: "request-latency p99",
              value: formatMs(producer.latencyP99Ms),
              hint: t("inspector.producer.latencyHint"),
            },
          ]}
        />
        <Sparkline
          samples={acknowledged}
          label={t("inspector.producer.ackRate")}
          value={t("inspector.unit.recordsPerSec", {
            value: formatRate(acknowledged.at(-1)?.value),
          })}
        />
      </Section>
      <Section title={t("inspector.client.lastError")}>
        <ClientErrorNote error={producer.lastError} />
      </Section>
      <Section title={t("inspector.client.configs")}>
        <KafkaConfigFacts lines={producerConfigLines(settings)} />
        {settings.partitioner === "default" ? (
          <p className="inspector-hint">{t("inspector.producer.configsHint")}</p>
        ) : null}
      </Section>
    </>
  );
}
