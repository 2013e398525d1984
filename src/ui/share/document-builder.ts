/**
 * The playground as the page knows it (the store, the cluster's shape, each topic's config
 * overrides as describeConfigs reported them) written as a document. Pure: the reads from
 * the cluster happen before (collect-document.ts), so this is the same for a test.
 */
import type { StorageKind } from "../../runtime/web-worker/node-storage.ts";
import type { PlaygroundState } from "../store/store.ts";
import { selectionExists } from "./document-references.ts";
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type DataDocument,
  type PlaygroundDocument,
  type TopicDocument,
} from "./share-format.ts";

/** What of the store a document is made from. */
export type DocumentSource = Pick<
  PlaygroundState,
  "topics" | "producers" | "consumers" | "openTopic" | "dockTab" | "speed" | "selection"
>;

export interface ClusterShape {
  brokers: number;
  controllers: number;
  storage: StorageKind;
}

export interface DocumentInputs {
  state: DocumentSource;
  cluster: ClusterShape;
  /** Each topic's overrides by Kafka's config names. */
  configs: Readonly<Record<string, Record<string, string>>>;
  data?: DataDocument;
  now: Date;
}

/** The topics a document names: the user's, not Kafka's internal ones, by name. */
export function exportedTopics(state: Pick<DocumentSource, "topics">): TopicDocument[] {
  return Object.values(state.topics)
    .filter((topic) => !topic.internal && topic.partitions.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.length,
      replicationFactor: Math.max(1, ...topic.partitions.map((p) => p.replicas.length)),
      configs: {},
    }));
}

/** Consumers that still run (a crashed or closed card is not brought back by a reload either). */
function liveConsumers(state: DocumentSource): PlaygroundDocument["clients"]["consumers"] {
  return Object.values(state.consumers)
    .filter((consumer) => consumer.status !== "crashed" && consumer.status !== "closed")
    .map(({ id, settings }) => ({
      id,
      settings: {
        ...settings,
        ...(settings.extraTopics === undefined ? {} : { extraTopics: [...settings.extraTopics] }),
      },
    }));
}

export function buildDocument(inputs: DocumentInputs): PlaygroundDocument {
  const { state } = inputs;
  const topics = exportedTopics(state).map((topic) => ({
    ...topic,
    configs: { ...(inputs.configs[topic.name] ?? {}) },
  }));
  const names = new Set(topics.map((topic) => topic.name));
  const document: PlaygroundDocument = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    exportedAt: inputs.now.toISOString(),
    cluster: { ...inputs.cluster },
    topics,
    clients: {
      producers: Object.values(state.producers)
        .filter((producer) => names.has(producer.settings.topic))
        .map(({ id, settings }) => ({
          id,
          settings: { ...settings, keySet: [...settings.keySet] },
        })),
      consumers: liveConsumers(state).filter((consumer) =>
        [consumer.settings.topic, ...(consumer.settings.extraTopics ?? [])].every((topic) =>
          names.has(topic),
        ),
      ),
    },
    layout: {
      openTopic: state.openTopic !== null && names.has(state.openTopic) ? state.openTopic : null,
      dockTab: state.dockTab,
      speed: state.speed,
      selection: null,
    },
  };
  if (state.selection !== null && selectionExists(state.selection, document))
    document.layout.selection = { ...state.selection };
  if (inputs.data !== undefined) document.data = inputs.data;
  return document;
}
