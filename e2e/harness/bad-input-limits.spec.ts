/**
 * Requests a live cluster must refuse with Kafka's own error codes, on three broker workers
 * on OPFS: records larger than message.max.bytes / max.message.bytes (MESSAGE_TOO_LARGE)
 * or than a segment (RECORD_LIST_TOO_LARGE), every kind of invalid topic name
 * (INVALID_TOPIC_EXCEPTION), and replication factors the registered brokers cannot give
 * (INVALID_REPLICATION_FACTOR). Nothing refused takes an offset or a topic.
 */
import { expect, test, type Page } from "@playwright/test";
import { ErrorCode } from "../../src/protocol/generated/error-codes.ts";
import { call, useBadInputSession } from "./bad-input-call.ts";

test.describe.configure({ mode: "serial", timeout: 120_000 });

/** The brokers' message.max.bytes: the default max.message.bytes of every topic. */
const BROKER_MESSAGE_MAX_BYTES = 100_000;

const session = useBadInputSession("bad-input-limits-");

test.beforeAll(async () => {
  await call(session.page, "create", {
    nodes: 3,
    voters: 3,
    storage: "opfs",
    properties: { "message.max.bytes": String(BROKER_MESSAGE_MAX_BYTES) },
  });
  await expect
    .poll(
      async () =>
        (await call(session.page, "describeTopic", 1, "any").catch(() => null))?.brokers.length,
      { timeout: 40_000, intervals: [250] },
    )
    .toBe(3);
});

async function createdTopicLeader(
  page: Page,
  name: string,
  configs: Record<string, string> = {},
): Promise<number> {
  const answer = await call(page, "createTopic", 1, {
    name,
    partitions: 1,
    replicationFactor: 3,
    configs,
  });
  expect(answer.errorCode, answer.errorMessage ?? "").toBe(0);
  let leader = -1;
  await expect
    .poll(
      async () => {
        const described = await call(page, "describeTopic", 1, name).catch(() => null);
        leader = described?.partitions[0]?.leader ?? -1;
        return leader >= 0 && described!.partitions[0]!.isr.length === 3;
      },
      { timeout: 30_000, intervals: [200] },
    )
    .toBe(true);
  return leader;
}

/** Errors of a leader that has not yet applied the metadata making it one: a client retries. */
const NOT_YET_LEADING = new Set<number>([
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.LEADER_NOT_AVAILABLE,
]);

/** One record of `valueBytes` (acks=all), retried while the leader is still taking over. */
async function produceWhenLeading(page: Page, leader: number, topic: string, valueBytes: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const answer = await call(
      page,
      "produceSized",
      leader,
      topic,
      0,
      { records: 1, valueBytes },
      -1,
    );
    if (!NOT_YET_LEADING.has(answer.errorCode) || Date.now() > deadline) return answer;
    await page.waitForTimeout(200);
  }
}

test("records over message.max.bytes get MESSAGE_TOO_LARGE, a batch over segment.bytes RECORD_LIST_TOO_LARGE", async () => {
  const page = session.page;
  const sized = (leader: number, topic: string, valueBytes: number) =>
    produceWhenLeading(page, leader, topic, valueBytes);

  // The broker's message.max.bytes is every topic's default max.message.bytes.
  const byBroker = await createdTopicLeader(page, "limits-broker-default");
  const fits = await sized(byBroker, "limits-broker-default", BROKER_MESSAGE_MAX_BYTES - 1000);
  expect(fits.errorCode, fits.errorMessage ?? "").toBe(0);
  const over = await sized(byBroker, "limits-broker-default", BROKER_MESSAGE_MAX_BYTES);
  expect(over.batchBytes).toBeGreaterThan(BROKER_MESSAGE_MAX_BYTES);
  expect(over.errorCode).toBe(ErrorCode.MESSAGE_TOO_LARGE);
  expect(over.errorMessage).toContain("max.message.bytes");
  // Refused records take no offset: the next accepted batch follows the first directly.
  const next = await sized(byBroker, "limits-broker-default", 10);
  expect([fits.baseOffset, next.baseOffset]).toEqual(["0", "1"]);

  // A topic's own max.message.bytes overrides it, both ways.
  const small = await createdTopicLeader(page, "limits-topic-small", {
    "max.message.bytes": "2000",
  });
  expect((await sized(small, "limits-topic-small", 1500)).errorCode).toBe(0);
  expect((await sized(small, "limits-topic-small", 2100)).errorCode).toBe(
    ErrorCode.MESSAGE_TOO_LARGE,
  );
  const large = await createdTopicLeader(page, "limits-topic-large", {
    "max.message.bytes": "1048588", // Kafka's default
  });
  expect((await sized(large, "limits-topic-large", 1_000_000)).errorCode).toBe(0);
  expect((await sized(large, "limits-topic-large", 1_100_000)).errorCode).toBe(
    ErrorCode.MESSAGE_TOO_LARGE,
  );

  // Under max.message.bytes but larger than a whole segment: Kafka's RecordBatchTooLargeException.
  const segmented = await createdTopicLeader(page, "limits-segment", { "segment.bytes": "4096" });
  expect((await sized(segmented, "limits-segment", 3000)).errorCode).toBe(0);
  const tooLong = await sized(segmented, "limits-segment", 6000);
  expect(tooLong.errorCode).toBe(ErrorCode.RECORD_LIST_TOO_LARGE);
  expect(tooLong.errorMessage).toContain("segment.bytes");

  // What was accepted is all there is, on the leader.
  const read = await call(page, "readValues", byBroker, "limits-broker-default", 0);
  expect(read.values.map((value) => value.length)).toEqual([BROKER_MESSAGE_MAX_BYTES - 1000, 10]);
  session.expectNoPageErrors();
});

test("invalid topic names get INVALID_TOPIC_EXCEPTION, by each of Kafka's rules", async () => {
  const page = session.page;
  const invalid: Record<string, string> = {
    empty: "",
    dot: ".",
    "dot dot": "..",
    "250 characters": "a".repeat(250),
    space: "has space",
    slash: "orders/eu",
    colon: "orders:eu",
    asterisk: "orders*",
    "non-ASCII": "주문",
    tab: "tab\tname",
  };
  for (const [rule, name] of Object.entries(invalid)) {
    const answer = await call(page, "createTopic", 1, {
      name,
      partitions: 1,
      replicationFactor: 1,
    });
    expect(answer.errorCode, rule).toBe(ErrorCode.INVALID_TOPIC_EXCEPTION);
    expect(answer.errorMessage, rule).toMatch(/^Topic name is invalid/);
  }
  // Metadata answers the same for each, whether or not it may create topics.
  for (const autoCreate of [true, false]) {
    const answers = await call(page, "metadata", 1, Object.values(invalid), autoCreate);
    expect(answers.map((answer) => answer.errorCode)).toEqual(
      Object.values(invalid).map(() => ErrorCode.INVALID_TOPIC_EXCEPTION),
    );
  }

  // The longest legal name is created; '.' and '_' may not be told apart (metric names).
  const longest = "b".repeat(249);
  expect(
    (await call(page, "createTopic", 1, { name: longest, partitions: 1, replicationFactor: 1 }))
      .errorCode,
  ).toBe(0);
  expect(
    (
      await call(page, "createTopic", 1, {
        name: "metrics.eu",
        partitions: 1,
        replicationFactor: 1,
      })
    ).errorCode,
  ).toBe(0);
  const colliding = await call(page, "createTopic", 1, {
    name: "metrics_eu",
    partitions: 1,
    replicationFactor: 1,
  });
  expect(colliding.errorCode).toBe(ErrorCode.INVALID_TOPIC_EXCEPTION);
  expect(colliding.errorMessage).toContain("collides with existing topic: metrics.eu");
  // The metadata log's own topic is not for clients.
  expect(
    (
      await call(page, "createTopic", 1, {
        name: "__cluster_metadata",
        partitions: 1,
        replicationFactor: 1,
      })
    ).errorCode,
  ).toBe(ErrorCode.INVALID_REQUEST);

  // None of the invalid names became a topic.
  const known = await call(page, "metadata", 1, Object.values(invalid), false);
  expect(known.every((topic) => topic.errorCode !== 0)).toBe(true);
  session.expectNoPageErrors();
});

test("a replication factor the registered brokers cannot give gets INVALID_REPLICATION_FACTOR", async () => {
  const page = session.page;
  const create = (name: string, replicationFactor: number, validateOnly = false) =>
    call(page, "createTopic", 1, { name, partitions: 3, replicationFactor, validateOnly });

  const four = await create("rf-four", 4);
  expect(four.errorCode).toBe(ErrorCode.INVALID_REPLICATION_FACTOR);
  expect(four.errorMessage).toBe(
    "Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.",
  );
  expect((await create("rf-four", 4, true)).errorCode).toBe(ErrorCode.INVALID_REPLICATION_FACTOR);
  expect((await create("rf-zero", 0)).errorCode).toBe(ErrorCode.INVALID_REPLICATION_FACTOR);
  expect((await create("rf-negative", -2)).errorCode).toBe(ErrorCode.INVALID_REPLICATION_FACTOR);
  const unknownBroker = await call(page, "createTopic", 1, {
    name: "rf-unknown-broker",
    partitions: 1,
    replicationFactor: -1,
    assignments: [[1, 9]],
  });
  expect(unknownBroker.errorCode).toBe(ErrorCode.INVALID_REPLICA_ASSIGNMENT);

  // With broker 3 dead and fenced, Kafka still counts it as registered: three replicas are
  // placed (the dead one outside the ISR), four are still refused.
  await call(page, "kill", 3);
  await expect
    .poll(async () => (await call(page, "describeTopic", 1, "any").catch(() => null))?.brokers, {
      timeout: 40_000,
      intervals: [500],
    })
    .toEqual([1, 2]);
  expect((await create("rf-four-fenced", 4)).errorCode).toBe(ErrorCode.INVALID_REPLICATION_FACTOR);
  expect((await create("rf-three-fenced", 3)).errorCode).toBe(0);
  const described = await call(page, "describeTopic", 1, "rf-three-fenced");
  expect(described.partitions).toHaveLength(3);
  for (const partition of described.partitions) {
    expect(partition.isr).not.toContain(3);
    expect([1, 2]).toContain(partition.leader);
  }
  // Nothing refused became a topic.
  const refused = await call(
    page,
    "metadata",
    1,
    ["rf-four", "rf-zero", "rf-negative", "rf-four-fenced"],
    false,
  );
  expect(refused.map((topic) => topic.errorCode)).toEqual(
    Array(4).fill(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION),
  );
  session.expectNoPageErrors();
});
