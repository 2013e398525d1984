/** A valid document like the default playground with a producer and a consumer, for tests. */
import { defaultConsumerSettings, defaultProducerSettings } from "../../store/clients-slice.ts";
import type { PlaygroundDocument } from "../share-format.ts";

export function sampleDocument(): PlaygroundDocument {
  return {
    format: "kafka-playground",
    version: 1,
    exportedAt: "2025-03-01T10:20:30.400Z",
    cluster: { brokers: 3, controllers: 3, storage: "opfs" },
    topics: [
      {
        name: "orders",
        partitions: 3,
        replicationFactor: 3,
        configs: { "min.insync.replicas": "2" },
      },
      {
        name: "payments",
        partitions: 2,
        replicationFactor: 2,
        configs: { "retention.ms": "60000", "cleanup.policy": "delete,compact" },
      },
    ],
    clients: {
      producers: [{ id: "producer-1", settings: defaultProducerSettings("orders") }],
      consumers: [{ id: "consumer-2", settings: defaultConsumerSettings("orders", "readers") }],
    },
    layout: {
      openTopic: "orders",
      dockTab: "metrics",
      speed: 2,
      selection: { kind: "partition", topic: "payments", partition: 1 },
    },
    data: {
      maxRecordsPerPartition: 1000,
      maxBytes: 2_000_000,
      truncated: false,
      topics: [
        {
          topic: "orders",
          partitions: [
            {
              partition: 0,
              records: [
                { key: "alice", value: "order #1 for alice" },
                { key: null, value: null },
              ],
              skipped: 0,
            },
          ],
        },
      ],
    },
  };
}

/** Parsed JSON as a test edits it: any shape, since the point is to break the shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = any;

/** The sample with one change made by `edit` to a deep copy (as parsed JSON would be). */
export function editedDocument(edit: (document: LooseJson) => void): unknown {
  const copy: LooseJson = JSON.parse(JSON.stringify(sampleDocument()));
  edit(copy);
  return copy;
}

/** A broken document: an edit of the sample, and the path and message key of its first problem. */
export type HostileCase = [name: string, edit: (d: LooseJson) => void, path: string, key: string];
