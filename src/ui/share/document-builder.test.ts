import { describe, expect, it } from "vitest";
import {
  defaultConsumerSettings,
  defaultProducerSettings,
  type ConsumerView,
  type ProducerView,
} from "../store/clients-slice.ts";
import { emptyPartition, type TopicView } from "../store/topics-slice.ts";
import { buildDocument, type DocumentSource } from "./document-builder.ts";
import { checkDocument } from "./document-schema.ts";
import { documentToHash, readShareHash } from "./share-codec.ts";

function topic(name: string, partitions: number, replicas: number[], internal = false): TopicView {
  return {
    name,
    topicId: null,
    internal,
    configs: null,
    partitions: Array.from({ length: partitions }, (_, index) => ({
      ...emptyPartition(name, index),
      replicas,
    })),
  };
}

function producer(id: string, topicName: string): ProducerView {
  return {
    id,
    settings: defaultProducerSettings(topicName),
    status: "running",
    sent: 0,
    acknowledged: 0,
    failed: 0,
    retries: 0,
    lastError: null,
    latencyP99Ms: null,
  };
}

function consumer(id: string, status: ConsumerView["status"]): ConsumerView {
  return {
    id,
    settings: defaultConsumerSettings("orders", "readers"),
    status,
    memberId: null,
    consumed: 0,
    assigned: [],
    lastError: null,
  };
}

function state(change: Partial<DocumentSource> = {}): DocumentSource {
  return {
    topics: {
      orders: topic("orders", 3, [1, 2, 3]),
      __consumer_offsets: topic("__consumer_offsets", 50, [1, 2, 3], true),
      audit: topic("audit", 1, [2]),
    },
    producers: { "producer-1": producer("producer-1", "orders") },
    consumers: {
      "consumer-2": consumer("consumer-2", "consuming"),
      "consumer-3": consumer("consumer-3", "crashed"),
    },
    openTopic: "orders",
    dockTab: "segments",
    speed: 0.5,
    selection: { kind: "consumer", consumerId: "consumer-2" },
    ...change,
  };
}

const inputs = (source: DocumentSource) => ({
  state: source,
  cluster: { brokers: 3, controllers: 3, storage: "indexeddb" as const },
  configs: { orders: { "min.insync.replicas": "2" } },
  now: new Date("2025-03-01T10:20:30.400Z"),
});

describe("the playground written as a document", () => {
  it("holds the user's topics with their overrides, the running clients and the view", () => {
    const document = buildDocument(inputs(state()));
    expect(document.topics).toEqual([
      { name: "audit", partitions: 1, replicationFactor: 1, configs: {} },
      {
        name: "orders",
        partitions: 3,
        replicationFactor: 3,
        configs: { "min.insync.replicas": "2" },
      },
    ]);
    expect(document.clients.producers.map((p) => p.id)).toEqual(["producer-1"]);
    expect(document.clients.consumers.map((c) => c.id)).toEqual(["consumer-2"]);
    expect(document.layout).toEqual({
      openTopic: "orders",
      dockTab: "segments",
      speed: 0.5,
      selection: { kind: "consumer", consumerId: "consumer-2" },
    });
    expect(document.exportedAt).toBe("2025-03-01T10:20:30.400Z");
    expect(document.data).toBeUndefined();
  });

  it("is a document the importer takes as is, as a file and as a link", () => {
    const document = buildDocument(inputs(state()));
    expect(checkDocument(JSON.parse(JSON.stringify(document)))).toEqual({ ok: true, document });
    expect(readShareHash(documentToHash(document))).toEqual({ ok: true, document });
  });

  it("leaves out a selection or open topic the document does not have", () => {
    const document = buildDocument(
      inputs(
        state({
          selection: { kind: "consumer", consumerId: "consumer-3" },
          openTopic: "__consumer_offsets",
        }),
      ),
    );
    expect(document.layout.selection).toBeNull();
    expect(document.layout.openTopic).toBeNull();
  });

  it("copies the settings, never shares them with the store", () => {
    const source = state();
    const document = buildDocument(inputs(source));
    document.clients.producers[0]!.settings.keySet.push("mallory");
    expect(source.producers["producer-1"]!.settings.keySet).not.toContain("mallory");
  });
});
