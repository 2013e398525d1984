/**
 * One producer on the canvas: where it sends, how fast, with which acks and keys, what it
 * has sent, had acknowledged and lost, its retries and latency, and its last error in
 * Kafka's words. The counters are separate small components reading one number each, so a
 * frame with new acknowledgements re-renders only the figures that changed.
 */
import { memo, type CSSProperties } from "react";
import { useAnchor } from "../canvas/anchors.ts";
import { formatInteger } from "../canvas/format.ts";
import { topicColour } from "../canvas/topic-colour.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { removeProducer } from "../playground/actions.ts";
import type { ProducerSettings } from "../store/clients-slice.ts";
import { usePlayground } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { activateHandlers } from "./activate.ts";
import { ErrorLine } from "./ErrorLine.tsx";
import { rateToStartAgain, rememberRateBeforeStop } from "./producer-rate.ts";
import { ProducerRate, setProducerRate } from "./ProducerRate.tsx";
import { runAction } from "./run-action.ts";

type Translate = ReturnType<typeof useTranslate>;

export const ProducerCard = memo(function ProducerCard({ id }: { id: string }) {
  const t = useTranslate();
  const anchor = useAnchor(`producer:${id}`);
  // The runner keeps one settings object until they change: a stable reference.
  const settings = usePlayground((s) => s.producers[id]?.settings);
  const status = usePlayground((s) => s.producers[id]?.status);
  const lastError = usePlayground((s) => s.producers[id]?.lastError ?? null);
  const selected = usePlayground(
    (s) => s.selection?.kind === "producer" && s.selection.producerId === id,
  );
  if (settings === undefined || status === undefined) return null;

  const activate = activateHandlers(() => select({ kind: "producer", producerId: id }));

  return (
    <article
      ref={anchor}
      className={`client-card producer-card status-${status}${selected ? " selected" : ""}`}
      // Page clients are named "producer-<n>" already: the test id is the name.
      data-testid={id}
      data-status={status}
      style={{ "--topic-colour": topicColour(settings.topic) } as CSSProperties}
      tabIndex={0}
      aria-label={t("clients.producer.label", { id, topic: settings.topic })}
      aria-current={selected ? "true" : undefined}
      data-activates=""
      {...activate}
    >
      <header className="client-card-head">
        <span className="client-glyph producer-glyph" aria-hidden="true" />
        <h3 className="client-name">{id}</h3>
        <span className="client-topic">
          {t("clients.producer.toTopic", { topic: settings.topic })}
        </span>
        <span className={`client-status status-${status}`}>
          {t(`clients.producer.status.${status}`)}
        </span>
      </header>
      <ProducerRate id={id} settings={settings} />
      <p className="producer-settings">
        <span title={t("clients.producer.acksHint")}>
          acks=<strong>{settings.acks}</strong>
        </span>
        <span>
          {t("clients.producer.keys")}: <strong>{keyModeText(t, settings)}</strong>
        </span>
      </p>
      <ProducerCounters id={id} />
      {lastError !== null && <ErrorLine error={lastError} />}
      <div className="client-actions">
        {settings.ratePerSec > 0 ? (
          <button
            type="button"
            onClick={() => {
              rememberRateBeforeStop(id, settings.ratePerSec);
              setProducerRate(id, settings, 0);
            }}
          >
            {t("clients.producer.stop")}
          </button>
        ) : (
          <button type="button" onClick={() => setProducerRate(id, settings, rateToStartAgain(id))}>
            {t("clients.producer.start")}
          </button>
        )}
        <button type="button" className="danger" onClick={() => void runAction(removeProducer(id))}>
          {t("clients.producer.remove")}
        </button>
      </div>
    </article>
  );
});

function keyModeText(t: Translate, settings: ProducerSettings): string {
  switch (settings.keyMode) {
    case "none":
      return t("clients.producer.key.none");
    case "fixed":
      return t("clients.producer.key.fixed", { key: settings.fixedKey });
    case "random":
      return t("clients.producer.key.random", { count: settings.keySet.length });
    case "sequence":
      return t("clients.producer.key.sequence");
  }
}

type CounterField = "sent" | "acknowledged" | "failed" | "retries";

function ProducerCounters({ id }: { id: string }) {
  const t = useTranslate();
  return (
    <dl className="client-counters producer-counters">
      <Counter id={id} field="sent" label={t("clients.producer.sent")} />
      <Counter id={id} field="acknowledged" label={t("clients.producer.acknowledged")} />
      <Counter id={id} field="failed" label={t("clients.producer.failed")} />
      <Counter id={id} field="retries" label={t("clients.producer.retries")} />
      <LatencyCounter id={id} />
    </dl>
  );
}

function Counter({ id, field, label }: { id: string; field: CounterField; label: string }) {
  const value = usePlayground((s) => s.producers[id]?.[field] ?? 0);
  const language = usePlayground((s) => s.language);
  return (
    <div
      className={`counter counter-${field}${field === "failed" && value > 0 ? " counter-bad" : ""}`}
    >
      <dt>{label}</dt>
      <dd>{formatInteger(value, language)}</dd>
    </div>
  );
}

function LatencyCounter({ id }: { id: string }) {
  const t = useTranslate();
  const latency = usePlayground((s) => s.producers[id]?.latencyP99Ms ?? null);
  return (
    <div className="counter counter-latency" title={t("clients.producer.p99Hint")}>
      <dt>{t("clients.producer.p99")}</dt>
      <dd>
        {latency === null ? "–" : t("clients.producer.milliseconds", { ms: Math.round(latency) })}
      </dd>
    </div>
  );
}
