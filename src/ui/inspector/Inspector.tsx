/**
 * The inspector: the right-hand column (UI.md's layout) showing the selected broker,
 * topic, partition, producer, consumer, group or link (its live state, its configs by
 * Kafka's names, its metrics), or the cluster at a glance when nothing is selected. It
 * scrolls on its own and has a fixed width, so nothing it shows can move the canvas.
 */
import { useEffect } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import type { Selection } from "../store/view-slice.ts";
import { BrokerInspector } from "./BrokerInspector.tsx";
import { ClusterSummaryPanel } from "./ClusterSummaryPanel.tsx";
import { ConsumerInspector } from "./ConsumerInspector.tsx";
import { GroupInspector } from "./GroupInspector.tsx";
import "./inspector.css";
import "./inspector-tables.css";
import { LinkInspector } from "./LinkInspector.tsx";
import { PartitionInspector } from "./PartitionInspector.tsx";
import { ProducerInspector } from "./ProducerInspector.tsx";
import { startSeriesRecorder } from "./series.ts";
import { selectionKey } from "./selection-key.ts";
import { TopicInspector } from "./TopicInspector.tsx";

export function Inspector() {
  const t = useTranslate();
  const selection = usePlayground((state) => state.selection);
  useEffect(() => startSeriesRecorder(), []);
  return (
    <aside className="inspector" aria-label={t("inspector.label")} data-testid="inspector">
      {/* A new selection starts scrolled to the top, with its own local state. */}
      <div className="inspector-body" key={selectionKey(selection)}>
        <Selected selection={selection} />
      </div>
    </aside>
  );
}

function Selected({ selection }: { selection: Selection | null }) {
  if (selection === null) return <ClusterSummaryPanel />;
  switch (selection.kind) {
    case "broker":
      return <BrokerInspector brokerId={selection.brokerId} />;
    case "topic":
      return <TopicInspector topic={selection.topic} />;
    case "partition":
      return <PartitionInspector topic={selection.topic} partition={selection.partition} />;
    case "producer":
      return <ProducerInspector producerId={selection.producerId} />;
    case "consumer":
      return <ConsumerInspector consumerId={selection.consumerId} />;
    case "group":
      return <GroupInspector groupId={selection.groupId} />;
    case "link":
      return <LinkInspector from={selection.from} to={selection.to} />;
  }
}
