/**
 * The failover case: an idempotent KafkaJS producer (acks=all, one request in flight,
 * generous retries) keeps writing numbered messages to a partition with replication
 * factor 3 and min.insync.replicas=2 while the partition leader's process is SIGKILLed and
 * later restarted. Afterwards every acknowledged message must be in the log exactly once
 * and in send order: retries of a write the old leader had replicated before it died are
 * recognised as duplicates by the new leader (producer state rebuilt from the replicated
 * log), never appended twice. Prints how long writes stopped being acknowledged.
 *
 * Kafka's defaults throughout (broker.session.timeout.ms 9000, broker.heartbeat.interval.ms
 * 2000): the measured gap is what a user of the playground sees with default settings.
 */
import type { Admin, Kafka, Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../protocol/generated/error-codes.ts";
import { ProcessCluster } from "../testing/process-cluster.ts";
import { waitForLiveBrokers } from "./testing/cluster-ready.ts";
import { tearDown } from "./testing/tear-down.ts";
import { electPreferredLeader } from "./testing/elect-leaders.ts";
import { kafkaFor } from "./testing/kafkajs-client.ts";
import { kafkaErrorTypes } from "./testing/kafkajs-errors.ts";
import { NumberedSender } from "./testing/numbered-sender.ts";
import { partitionState } from "./testing/partition-state.ts";
import { readPartition, type PartitionContents } from "./testing/partition-reader.ts";
import { quorumLeader } from "./testing/quorum-leader.ts";
import { waitUntil } from "./testing/wait-until.ts";

const TOPIC = "payments";
const PARTITION = 0;
/** min.insync.replicas=3: acks=all writes need every replica in the ISR. */
const STRICT_TOPIC = "audit";

let cluster: ProcessCluster | null = null;
let kafka: Kafka;
let admin: Admin | null = null;
let producer: Producer | null = null;
let sender: NumberedSender | null = null;

beforeAll(async () => {
  cluster = await ProcessCluster.start({ brokers: 3 });
  await waitForLiveBrokers(cluster);
  kafka = kafkaFor(cluster, {
    clientId: "conformance-idempotent",
    // Generous: a send must outlive the leader's fencing (broker.session.timeout.ms) and election.
    retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 60 },
  });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [
      {
        topic: TOPIC,
        numPartitions: 1,
        replicationFactor: 3,
        configEntries: [{ name: "min.insync.replicas", value: "2" }],
      },
      {
        topic: STRICT_TOPIC,
        numPartitions: 1,
        replicationFactor: 3,
        configEntries: [{ name: "min.insync.replicas", value: "3" }],
      },
    ],
  });
  producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
}, 60_000);

afterAll(async () => {
  // The processes first: a failed test may leave a send retrying for a minute.
  sender?.requestStop();
  await tearDown(cluster);
  await producer?.disconnect().catch(() => {});
  await admin?.disconnect().catch(() => {});
}, 30_000);

async function readFromLeader(): Promise<{ leader: number; contents: PartitionContents }> {
  const { leader } = await partitionState(admin!, TOPIC, PARTITION);
  return { leader, contents: await readPartition(cluster!.endpoint(leader), TOPIC, PARTITION) };
}

/**
 * The log is exactly the acknowledged sends, once each and in order. Retries are generous
 * enough that no send fails: a failed send's outcome would be unknown, and KafkaJS would
 * reuse its sequence number for the next message.
 */
function expectExactlyTheAcknowledged(contents: PartitionContents, sent: NumberedSender): void {
  expect(sent.failed, "sends KafkaJS gave up on").toEqual([]);
  const values = contents.records.map((record) => record.value);
  expect(values).toEqual(sent.acknowledged.map((entry) => entry.value));
  expect(contents.records.map((record) => record.offset)).toEqual(
    values.map((_, index) => BigInt(index)),
  );
  expect(contents.highWatermark).toBe(BigInt(values.length));
  // Each acknowledgement named the offset where its record is.
  expect(sent.acknowledged.map((entry) => entry.baseOffset)).toEqual(
    values.map((_, index) => BigInt(index)),
  );
  // One producer id and consecutive sequences: each record was appended by its first
  // successful attempt, and a retry of a replicated one was recognised as a duplicate.
  const producerIds = new Set(contents.records.map((record) => record.producerId));
  expect(producerIds.size).toBe(1);
  expect([...producerIds][0]).toBeGreaterThanOrEqual(0n);
  expect(contents.records.map((record) => record.sequence)).toEqual(
    values.map((_, index) => index),
  );
}

/**
 * With a broker down and fenced, STRICT_TOPIC's ISR has 2 of its 3 replicas: acks=all is
 * refused with NOT_ENOUGH_REPLICAS (nothing appended), acks=1 is still accepted.
 */
async function expectMinInsyncReplicasEnforced(): Promise<void> {
  const plain = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  await plain.connect();
  try {
    const { isr } = await partitionState(admin!, STRICT_TOPIC, 0);
    expect(isr).toHaveLength(2);
    const refused = plain.send({
      topic: STRICT_TOPIC,
      acks: -1,
      messages: [{ value: "needs three replicas" }],
    });
    expect(await kafkaErrorTypes(refused)).toEqual(["NOT_ENOUGH_REPLICAS"]);
    const [accepted] = await plain.send({
      topic: STRICT_TOPIC,
      acks: 1,
      messages: [{ value: "the leader is enough" }],
    });
    expect(accepted).toMatchObject({ errorCode: 0, baseOffset: "0" });
  } finally {
    await plain.disconnect();
  }
}

describe("an idempotent KafkaJS producer while the partition leader is SIGKILLed and restarted", () => {
  it("keeps every acknowledged message exactly once and in order, and resumes after the leader's fencing", async () => {
    const before = await waitUntil("a full ISR", async () => {
      const state = await partitionState(admin!, TOPIC, PARTITION);
      return state.isr.length === 3 ? state : undefined;
    });
    const victim = before.leader;
    const controllerAtKill = await quorumLeader(cluster!, victim);
    sender = new NumberedSender(producer!, TOPIC, PARTITION);
    sender.start();
    await sender.acknowledgeMore(30);

    const killedAtMs = Date.now();
    expect(await cluster!.kill(victim)).toEqual({ code: null, signal: "SIGKILL" });
    const sentBeforeKill = sender.acknowledged.length;

    // Writes resume once the controller has fenced the dead broker and elected a new leader.
    await sender.acknowledgeMore(1, 60_000);
    const resumed = await waitUntil("an acknowledged send started after the kill", async () =>
      sender!.acknowledged.find((entry) => entry.startedAtMs >= killedAtMs),
    );
    const during = await partitionState(admin!, TOPIC, PARTITION);
    expect(during.leader).not.toBe(victim);
    expect(during.isr).not.toContain(victim);
    expect(during.isr).toHaveLength(2);
    const longestGapMs = Math.max(
      ...sender.acknowledged
        .slice(1)
        .map(
          (entry, index) => entry.acknowledgedAtMs - sender!.acknowledged[index]!.acknowledgedAtMs,
        ),
    );
    const role =
      controllerAtKill === victim
        ? "it was also the active controller"
        : `the active controller was ${controllerAtKill}`;
    console.log(
      `[failover] leader ${victim} SIGKILLed (${role}); new leader ${during.leader}; first write acknowledged again ` +
        `${resumed.acknowledgedAtMs - killedAtMs} ms after the kill (longest gap between acknowledgements ${longestGapMs} ms; ` +
        `${sentBeforeKill} messages acknowledged before the kill)`,
    );

    await expectMinInsyncReplicasEnforced();

    await sender.acknowledgeMore(20);
    const restartedAtMs = Date.now();
    await cluster!.restart(victim);
    // The restarted broker recovers its log, truncates to the leader's epoch boundary, catches up and rejoins the ISR.
    await waitUntil(
      `broker ${victim} back in the ISR`,
      async () =>
        (await partitionState(admin!, TOPIC, PARTITION)).isr.includes(victim) ? true : undefined,
      30_000,
    );
    console.log(
      `[failover] broker ${victim} rejoined the ISR ${Date.now() - restartedAtMs} ms after it was started again`,
    );
    await sender.acknowledgeMore(20);

    // Pause and read the whole partition from the new leader.
    await sender.stop();
    const afterFailover = await readFromLeader();
    expect(afterFailover.leader).toBe(during.leader);
    expectExactlyTheAcknowledged(afterFailover.contents, sender);
    sender.start();

    // Move leadership back to the restarted broker (the preferred replica): its log and
    // producer state must now carry on the same sequence.
    expect(before.replicas[0]).toBe(victim);
    // A retry after a lost answer would hear ELECTION_NOT_NEEDED: the election happened.
    const electedCodes: number[] = [ErrorCode.NONE, ErrorCode.ELECTION_NOT_NEEDED];
    await waitUntil("the preferred leader elected", async () =>
      electedCodes.includes(
        await electPreferredLeader(cluster!.endpoint(during.leader), TOPIC, PARTITION),
      )
        ? true
        : undefined,
    );
    await waitUntil("the restarted broker leading", async () =>
      (await partitionState(admin!, TOPIC, PARTITION)).leader === victim ? true : undefined,
    );
    await sender.acknowledgeMore(20);
    await sender.stop();

    const { leader, contents } = await readFromLeader();
    expect(leader).toBe(victim);
    expectExactlyTheAcknowledged(contents, sender);
  }, 120_000);
});
