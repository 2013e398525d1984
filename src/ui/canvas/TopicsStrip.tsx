/**
 * One chip per topic: name, partition count and replication factor in the topic's colour.
 * Clicking a chip selects the topic and opens its partition tapes; a chip is also where a
 * producer or consumer is dropped (`data-drop-topic`, handled by the clients' drag code).
 * Internal topics (__consumer_offsets) hide behind a toggle.
 */
import { memo, type CSSProperties } from "react";
import { useShallow } from "zustand/react/shallow";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { openTopicTapes, select } from "../store/view-actions.ts";
import { setShowInternal, useCanvasView } from "./canvas-view.ts";
import { sortedTopics } from "./hosted-replicas.ts";
import { topicColour } from "./topic-colour.ts";

export function TopicsStrip() {
  const t = useTranslate();
  const showInternal = useCanvasView((s) => s.showInternal);
  const names = usePlayground(
    useShallow((s) => sortedTopics(s.topics, showInternal).map((topic) => topic.name)),
  );
  return (
    <div className="cv-topics" role="group" aria-label={t("canvas.topics.heading")}>
      <h2 className="cv-heading">{t("canvas.topics.heading")}</h2>
      <div className="cv-topic-chips">
        {names.length === 0 && <span className="cv-muted">{t("canvas.topics.none")}</span>}
        {names.map((name) => (
          <TopicChip key={name} name={name} />
        ))}
      </div>
      <label className="cv-toggle">
        <input
          type="checkbox"
          checked={showInternal}
          onChange={(event) => setShowInternal(event.target.checked)}
        />
        {t("canvas.topics.showInternal")}
      </label>
    </div>
  );
}

const TopicChip = memo(function TopicChip({ name }: { name: string }) {
  const t = useTranslate();
  const partitions = usePlayground((s) => s.topics[name]?.partitions.length ?? 0);
  // The replication factor is the placement's size (the same for every partition Kafka creates).
  const replicationFactor = usePlayground(
    (s) => s.topics[name]?.partitions[0]?.replicas.length ?? 0,
  );
  const open = usePlayground((s) => s.openTopic === name);
  const selected = usePlayground(
    (s) => s.selection?.kind === "topic" && s.selection.topic === name,
  );
  return (
    <button
      type="button"
      className="cv-topic-chip"
      data-testid={`topic-${name}`}
      data-drop-topic={name}
      data-selected={String(selected)}
      aria-pressed={open}
      aria-label={t("canvas.topics.chipLabel", { name, partitions, rf: replicationFactor })}
      style={{ "--topic": topicColour(name) } as CSSProperties}
      onClick={() => {
        select({ kind: "topic", topic: name });
        openTopicTapes(name);
      }}
    >
      <span className="cv-swatch" aria-hidden="true" />
      <span className="cv-topic-name">{name}</span>
      <span className="cv-topic-facts">
        {t("canvas.topics.facts", { partitions, rf: replicationFactor })}
      </span>
    </button>
  );
});
