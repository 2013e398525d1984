/**
 * A broker: alive, fenced or dead; its KRaft role; the replicas it hosts (and which of them
 * fell out of the ISR); bytes appended; its configs; and what ApiVersions it answers.
 */
import { useCallback, useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { brokerLiveness, type BrokerLiveness } from "../store/cluster-slice.ts";
import { usePlayground, type PlaygroundState } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { ApiVersionsSection } from "./ApiVersionsSection.tsx";
import { ConfigList } from "./ConfigList.tsx";
import { formatBytes, formatCount, UNKNOWN } from "./format.ts";
import { describeBrokerConfigs } from "./inspector-actions.ts";
import { Badge, Collapsible, Fact, Facts, Gone, InspectorHeader, Num, Section } from "./parts.tsx";
import { ratesOf } from "./series-book.ts";
import { seriesKey } from "./series-keys.ts";
import { useSeries } from "./series.ts";
import { Sparkline } from "./Sparkline.tsx";
import { brokerReplicas } from "./summaries.ts";
import { useThrottledSelector } from "./use-throttled-selector.ts";

const LIVENESS_MARK: Record<BrokerLiveness, { tone: "ok" | "warn" | "error"; mark: string }> = {
  alive: { tone: "ok", mark: "●" },
  fenced: { tone: "warn", mark: "◍" },
  dead: { tone: "error", mark: "✕" },
};

/** Out-of-sync replicas listed by name; the rest are counted (__consumer_offsets has 50). */
const MAX_CHIPS = 9;

const selectTopics = (state: PlaygroundState) => state.topics;

export function BrokerInspector({ brokerId }: { brokerId: number }) {
  const t = useTranslate();
  const broker = useThrottledSelector(
    useCallback((state: PlaygroundState) => state.brokers[brokerId], [brokerId]),
  );
  const controllerId = usePlayground((state) => state.controllerId);
  const topics = useThrottledSelector(selectTopics);
  const hosted = useMemo(() => brokerReplicas(topics, brokerId), [topics, brokerId]);
  const bytesRate = ratesOf(useSeries(seriesKey.brokerBytes(brokerId)));
  const loadConfigs = useCallback(() => describeBrokerConfigs(brokerId), [brokerId]);
  const kind = t("inspector.kind.broker");
  const title = t("inspector.broker.title", { id: brokerId });
  if (broker === undefined) return <Gone kind={kind} title={title} />;
  const liveness = brokerLiveness(broker);
  const isController = controllerId === brokerId;
  return (
    <>
      <InspectorHeader kind={kind} title={title}>
        <p className="inspector-badges">
          <Badge {...LIVENESS_MARK[liveness]}>{t(`inspector.liveness.${liveness}`)}</Badge>
          {isController ? (
            <Badge tone="accent" mark="★">
              {t("inspector.broker.activeController")}
            </Badge>
          ) : null}
        </p>
        <p className="inspector-hint">{t(`inspector.liveness.${liveness}Hint`)}</p>
      </InspectorHeader>
      <Section title={t("inspector.broker.kraft")}>
        <Facts>
          <Fact term={t("inspector.broker.process")}>
            {t(`inspector.process.${broker.process}`)}
          </Fact>
          <Fact term={t("inspector.broker.role")} tip={t("inspector.broker.roleHint")}>
            {broker.raftRole ?? UNKNOWN}
          </Fact>
          <Fact term={t("inspector.broker.epoch")}>
            <Num>{broker.raftEpoch < 0 ? UNKNOWN : broker.raftEpoch}</Num>
          </Fact>
          <Fact term={t("inspector.broker.voter")}>
            {broker.isVoter ? t("inspector.broker.voterYes") : t("inspector.broker.voterNo")}
          </Fact>
          <Fact term={t("inspector.broker.controller")}>
            {isController ? t("inspector.yes") : t("inspector.no")}
          </Fact>
        </Facts>
        {broker.error === null ? null : (
          <p className="inspector-error">
            <strong>{t("inspector.broker.failed")}</strong> {broker.error}
          </p>
        )}
      </Section>
      <Section title={t("inspector.broker.replicas")}>
        <Facts>
          <Fact term={t("inspector.broker.leaders")}>
            <Num>{formatCount(hosted.leaders)}</Num>
          </Fact>
          <Fact term={t("inspector.broker.followers")}>
            <Num>{formatCount(hosted.followers)}</Num>
          </Fact>
          <Fact term={t("inspector.broker.outOfSync")} tip={t("inspector.broker.outOfSyncHint")}>
            <Badge
              tone={hosted.outOfSync.length > 0 ? "warn" : "ok"}
              mark={hosted.outOfSync.length > 0 ? "▲" : "✓"}
            >
              <Num>{formatCount(hosted.outOfSync.length)}</Num>
            </Badge>
          </Fact>
        </Facts>
        {hosted.outOfSync.length > 0 ? (
          <ul className="inspector-chips" aria-label={t("inspector.broker.outOfSync")}>
            {hosted.outOfSync.slice(0, MAX_CHIPS).map(({ topic, partition }) => (
              <li key={`${topic}-${partition}`}>
                <button
                  type="button"
                  className="inspector-chip warn"
                  onClick={() => select({ kind: "partition", topic, partition })}
                >
                  {topic}-{partition}
                </button>
              </li>
            ))}
            {hosted.outOfSync.length > MAX_CHIPS ? (
              <li className="muted">
                {t("inspector.broker.more", { count: hosted.outOfSync.length - MAX_CHIPS })}
              </li>
            ) : null}
          </ul>
        ) : null}
        <Facts>
          <Fact
            term={t("inspector.broker.bytesAppended")}
            tip={t("inspector.broker.bytesAppendedHint")}
          >
            <Num>{formatBytes(broker.bytesAppended)}</Num>
          </Fact>
        </Facts>
        <Sparkline
          samples={bytesRate}
          label={t("inspector.broker.bytesRate")}
          value={`${formatBytes(bytesRate.at(-1)?.value ?? null)}/s`}
        />
      </Section>
      <Collapsible title={t("inspector.configs.title")} initiallyOpen>
        {liveness === "dead" ? (
          <p className="muted">{t("inspector.broker.configsDown")}</p>
        ) : (
          <ConfigList load={loadConfigs} />
        )}
      </Collapsible>
      <ApiVersionsSection brokerId={brokerId} />
    </>
  );
}
