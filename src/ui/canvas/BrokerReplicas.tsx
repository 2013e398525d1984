/**
 * The replicas a broker hosts, grouped by topic (UI.md's marks): the leader a filled block
 * in the topic's colour with a crown; an in-sync follower outlined in that colour; an
 * out-of-sync follower outlined, dashed and amber. Each shows its LEO (and the leader the
 * partition's HW) in a leaf that alone re-renders as records arrive.
 */
import { memo, useMemo, type CSSProperties } from "react";
import { useShallow } from "zustand/react/shallow";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { useAnchor } from "./anchors.ts";
import { useCanvasView } from "./canvas-view.ts";
import { formatInteger } from "./format.ts";
import { groupHostedReplicas, hostedReplicaTokens, type HostedReplica } from "./hosted-replicas.ts";
import { CrownIcon } from "./icons.tsx";
import { inkOn, topicColour } from "./topic-colour.ts";

/** Beyond this many replicas of one topic (__consumer_offsets has 50), blocks only, no figures. */
const ROWS_UP_TO = 8;

export function BrokerReplicas({ brokerId }: { brokerId: number }) {
  const t = useTranslate();
  const showInternal = useCanvasView((s) => s.showInternal);
  const tokens = usePlayground(
    useShallow((s) => hostedReplicaTokens(s.topics, brokerId, showInternal)),
  );
  const topics = useMemo(() => groupHostedReplicas(tokens), [tokens]);
  if (topics.length === 0)
    return <p className="cv-broker-line cv-muted">{t("canvas.broker.noReplicas")}</p>;
  return (
    <div className="cv-replicas">
      {topics.map(({ topic, replicas }) => (
        <section
          key={topic}
          className="cv-replica-topic"
          style={
            {
              "--topic": topicColour(topic),
              "--topic-ink": inkOn(topicColour(topic)),
            } as CSSProperties
          }
        >
          <h4 className="cv-replica-topic-name">
            <span className="cv-swatch" aria-hidden="true" />
            {topic}
          </h4>
          <ul
            className={
              replicas.length > ROWS_UP_TO ? "cv-replica-list cv-replica-grid" : "cv-replica-list"
            }
          >
            {replicas.map((replica) => (
              <ReplicaRow
                key={replica.partition}
                replica={replica}
                brokerId={brokerId}
                compact={replicas.length > ROWS_UP_TO}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** One replica: its mark, and (unless compact) its LEO and the leader's HW. */
const ReplicaRow = memo(function ReplicaRow({
  replica,
  brokerId,
  compact,
}: {
  replica: HostedReplica;
  brokerId: number;
  compact: boolean;
}) {
  const t = useTranslate();
  const language = usePlayground((s) => s.language);
  const { topic, partition, leader, inSync } = replica;
  // A compact block shows no figures, so it does not follow them either.
  const leo = usePlayground((s) =>
    compact ? null : (s.topics[topic]?.partitions[partition]?.offsets[brokerId]?.leo ?? null),
  );
  const hw = usePlayground((s) =>
    leader && !compact
      ? (s.topics[topic]?.partitions[partition]?.offsets[brokerId]?.hw ?? null)
      : null,
  );
  const anchor = useAnchor(`replica:${topic}:${partition}:${brokerId}`);
  const kind = leader ? "leader" : inSync ? "follower" : "out-of-sync";
  const role = t(
    leader
      ? "canvas.replica.leader"
      : inSync
        ? "canvas.replica.follower"
        : "canvas.replica.outOfSync",
  );
  const figure = (value: number | null) => (value === null ? "–" : formatInteger(value, language));
  return (
    <li
      ref={anchor}
      className={`cv-replica cv-replica-${kind}`}
      data-testid={`replica-${topic}-${partition}-${brokerId}`}
      data-leader={String(leader)}
      data-isr={String(inSync)}
      title={t("canvas.replica.title", { topic, partition, role })}
      onClick={(event) => {
        event.stopPropagation();
        select({ kind: "partition", topic, partition });
      }}
    >
      <span className="cv-replica-block">
        {partition}
        {leader && <CrownIcon size={9} />}
      </span>
      {!compact && (
        <span className="cv-replica-figures">
          <span className="cv-figure-label">LEO</span>
          <span className="cv-figure">{figure(leo)}</span>
          {leader && (
            <>
              <span className="cv-figure-label">HW</span>
              <span className="cv-figure">{figure(hw)}</span>
            </>
          )}
        </span>
      )}
      <span className="cv-visually-hidden">{role}</span>
    </li>
  );
});
