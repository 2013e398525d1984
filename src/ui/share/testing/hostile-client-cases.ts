/**
 * Broken and hostile documents for the schema's tests: each an edit of the valid sample,
 * the path the first problem must point at, and the message key it must carry.
 */
import type { HostileCase } from "./sample-document.ts";

/** Its clients, its view and its records. */
export const CLIENT_CASES: HostileCase[] = [
  [
    "acks=2",
    (d) => (d.clients.producers[0].settings.acks = "2"),
    "clients.producers[0].settings.acks",
    "share.problem.notOneOf",
  ],
  [
    "idempotence with acks=1",
    (d) => (d.clients.producers[0].settings.acks = "1"),
    "clients.producers[0].settings.idempotence",
    "producerDialog.idempotenceNeedsAcksAll",
  ],
  [
    "a rate the page cannot draw",
    (d) => (d.clients.producers[0].settings.ratePerSec = 6_000),
    "clients.producers[0].settings.ratePerSec",
    "share.problem.outOfRange",
  ],
  [
    "a negative rate",
    (d) => (d.clients.producers[0].settings.ratePerSec = -1),
    "clients.producers[0].settings.ratePerSec",
    "share.problem.outOfRange",
  ],
  [
    "a negative linger.ms",
    (d) => (d.clients.producers[0].settings.lingerMs = -5),
    "clients.producers[0].settings.lingerMs",
    "share.problem.outOfRange",
  ],
  [
    "33 random keys",
    (d) => (d.clients.producers[0].settings.keySet = Array.from({ length: 33 }, (_, i) => `k${i}`)),
    "clients.producers[0].settings.keySet",
    "share.problem.tooMany",
  ],
  [
    "random keys with an empty key set",
    (d) => (d.clients.producers[0].settings.keySet = []),
    "clients.producers[0].settings.keySet",
    "producerDialog.keySetEmpty",
  ],
  [
    "a producer setting Kafka's page lacks",
    (d) => (d.clients.producers[0].settings.compression = "gzip"),
    "clients.producers[0].settings.compression",
    "share.problem.unknownField",
  ],
  [
    "a producer setting missing",
    (d) => delete d.clients.producers[0].settings.acks,
    "clients.producers[0].settings.acks",
    "share.problem.missingField",
  ],
  [
    "a producer on a topic not in the file",
    (d) => (d.clients.producers[0].settings.topic = "ghost"),
    "clients.producers[0].settings.topic",
    "share.problem.unknownTopic",
  ],
  [
    "a client id of another shape",
    (d) => (d.clients.producers[0].id = "p1"),
    "clients.producers[0].id",
    "share.problem.clientId",
  ],
  [
    "a client id twice",
    (d) => d.clients.producers.push(d.clients.producers[0]),
    "clients.producers[1].id",
    "share.problem.duplicate",
  ],
  [
    "33 producers",
    (d) =>
      (d.clients.producers = Array.from({ length: 33 }, (_, i) => ({
        ...d.clients.producers[0],
        id: `producer-${i + 1}`,
      }))),
    "clients.producers",
    "share.problem.tooMany",
  ],
  [
    "a session timeout below the broker's minimum",
    (d) => (d.clients.consumers[0].settings.sessionTimeoutMs = 1_000),
    "clients.consumers[0].settings.sessionTimeoutMs",
    "share.problem.outOfRange",
  ],
  [
    "an empty group id",
    (d) => (d.clients.consumers[0].settings.groupId = ""),
    "clients.consumers[0].settings.groupId",
    "share.problem.emptyText",
  ],
  [
    "an illegal group.instance.id",
    (d) => (d.clients.consumers[0].settings.groupInstanceId = "bad id"),
    "clients.consumers[0].settings.groupInstanceId",
    "consumerDialog.instanceIdIllegal",
  ],
  [
    "an assignor Kafka lacks",
    (d) => (d.clients.consumers[0].settings.assignor = "sticky2"),
    "clients.consumers[0].settings.assignor",
    "share.problem.notOneOf",
  ],
  [
    "auto commit as text",
    (d) => (d.clients.consumers[0].settings.autoCommit = "yes"),
    "clients.consumers[0].settings.autoCommit",
    "share.problem.boolean",
  ],
  [
    "an extra topic not in the file",
    (d) => (d.clients.consumers[0].settings.extraTopics = ["payments", "ghost"]),
    "clients.consumers[0].settings.extraTopics[1]",
    "share.problem.unknownTopic",
  ],
  [
    "tombstones as text",
    (d) => (d.clients.producers[0].settings.nullValue = "yes"),
    "clients.producers[0].settings.nullValue",
    "share.problem.boolean",
  ],
  [
    "a dock tab the page lacks",
    (d) => (d.layout.dockTab = "hacker"),
    "layout.dockTab",
    "share.problem.notOneOf",
  ],
  ["a speed past 4x", (d) => (d.layout.speed = 10), "layout.speed", "share.problem.outOfRange"],
  ["a speed in words", (d) => (d.layout.speed = "fast"), "layout.speed", "share.problem.number"],
  [
    "an open topic not in the file",
    (d) => (d.layout.openTopic = "ghost"),
    "layout.openTopic",
    "share.problem.unknownTopic",
  ],
  [
    "a selected broker not in the file",
    (d) => (d.layout.selection = { kind: "broker", brokerId: 4 }),
    "layout.selection",
    "share.problem.selectionMissing",
  ],
  [
    "a selection of an unknown kind",
    (d) => (d.layout.selection = { kind: "evil" }),
    "layout.selection.kind",
    "share.problem.notOneOf",
  ],
  [
    "a selection with an extra field",
    (d) => (d.layout.selection = { kind: "topic", topic: "orders", x: 1 }),
    "layout.selection.x",
    "share.problem.unknownField",
  ],
  [
    "a link to itself",
    (d) => (d.layout.selection = { kind: "link", from: 1, to: 1 }),
    "layout.selection",
    "share.problem.selectionMissing",
  ],
  [
    "a link to somewhere else",
    (d) => (d.layout.selection = { kind: "link", from: "internet", to: 1 }),
    "layout.selection.from",
    "share.problem.integer",
  ],
  [
    "1,001 records in a partition",
    (d) =>
      (d.data.topics[0].partitions[0].records = Array.from({ length: 1_001 }, () => ({
        key: null,
        value: "v",
      }))),
    "data.topics[0].partitions[0].records",
    "share.problem.tooMany",
  ],
  [
    "a record key that is a number",
    (d) => (d.data.topics[0].partitions[0].records[0].key = 7),
    "data.topics[0].partitions[0].records[0].key",
    "share.problem.string",
  ],
  [
    "a record with headers",
    (d) => (d.data.topics[0].partitions[0].records[0].headers = {}),
    "data.topics[0].partitions[0].records[0].headers",
    "share.problem.unknownField",
  ],
  [
    "records for a topic not in the file",
    (d) => (d.data.topics[0].topic = "ghost"),
    "data.topics[0].topic",
    "share.problem.unknownTopic",
  ],
  [
    "records for a partition the topic lacks",
    (d) => (d.data.topics[0].partitions[0].partition = 5),
    "data.topics[0].partitions[0].partition",
    "share.problem.noSuchPartition",
  ],
  [
    "records for a partition twice",
    (d) => d.data.topics[0].partitions.push(d.data.topics[0].partitions[0]),
    "data.topics[0].partitions[1].partition",
    "share.problem.duplicate",
  ],
  [
    "a negative skip",
    (d) => (d.data.topics[0].partitions[0].skipped = -1),
    "data.topics[0].partitions[0].skipped",
    "share.problem.outOfRange",
  ],
  [
    "more than 2 MB of records",
    (d) =>
      (d.data.topics[0].partitions = [0, 1, 2].map((partition) => ({
        partition,
        skipped: 0,
        records: [{ key: null, value: "x".repeat(800_000) }],
      }))),
    "data.topics",
    "share.problem.tooManyBytes",
  ],
];
