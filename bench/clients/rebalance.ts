/**
 * One rebalance run: three members of a group share a 24-partition topic under a steady
 * producer; once their assignment is balanced and every partition is being consumed, they
 * consume undisturbed for `baselineMs`, then a fourth member joins. The run ends when
 * every member holds its final (balanced) assignment and every partition has been consumed
 * again since, plus a short tail that would show any further revocation.
 *
 * Every member uses `partition.assignment.strategy` = `strategy` and Kafka's defaults
 * otherwise (session.timeout.ms 45000, heartbeat.interval.ms 3000: the old members learn
 * of the rebalance from a heartbeat answer).
 */
import { CONSUMER_EVENTS } from "../../src/client/consumer/consumer-events.ts";
import type { Consumer } from "../../src/client/consumer/consumer.ts";
import type { Kafka } from "../../src/client/kafka.ts";
import { errorText } from "./bench-kafka.ts";
import { GroupWatch, type RebalanceFigures } from "./group-watch.ts";
import { SteadyProducer, type SteadyProducerResult } from "./steady-producer.ts";

export interface RebalanceOptions {
  topic: string;
  partitions: number;
  groupId: string;
  strategy: string;
  members: number;
  valueBytes: number;
  producerTickMs: number;
  baselineMs: number;
  settleLimitMs: number;
  tailMs: number;
  limitMs: number;
}

export interface RebalanceResult extends RebalanceFigures {
  strategy: string;
  /** The first members' run() until their assignment was balanced and everything consumed. */
  initialGroupMs: number;
  producer: SteadyProducerResult;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureRebalance(
  kafka: Kafka,
  options: RebalanceOptions,
): Promise<RebalanceResult> {
  const watch = new GroupWatch(options.topic, options.partitions, () => performance.now());
  const producer = new SteadyProducer(kafka, options.topic, options.partitions, options.valueBytes);
  const members: Consumer[] = [];
  let crash: string | null = null;
  const waitUntil = async (what: string, done: () => boolean, limitMs: number) => {
    const deadline = performance.now() + limitMs;
    while (!done()) {
      if (crash !== null) throw new Error(`${what}: ${crash}`);
      if (performance.now() > deadline) {
        throw new Error(`${what}: not within ${limitMs} ms; ${watch.describe()}`);
      }
      await sleep(5);
    }
  };
  /** Starts the next member; returns when its run() was called. */
  const startMember = async (): Promise<number> => {
    const member = members.length;
    const consumer = kafka.consumer({
      groupId: options.groupId,
      "partition.assignment.strategy": options.strategy,
    });
    members.push(consumer);
    consumer.on(CONSUMER_EVENTS.CRASH, ({ payload }) => {
      crash ??= `member ${member} crashed: ${errorText(payload.error)}`;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
    watch.attach(consumer);
    const runAt = performance.now();
    await consumer.run({
      eachBatch: async ({ batch }) => {
        if (batch.messages.length > 0) watch.consumed(batch.partition);
      },
    });
    return runAt;
  };

  try {
    await producer.start(options.producerTickMs);
    const startedAt = performance.now();
    for (let member = 0; member < options.members; member++) await startMember();
    await waitUntil(
      `${options.members} members balanced and consuming`,
      () => !Number.isNaN(watch.balancedSince) && watch.allConsumedSince(watch.balancedSince),
      options.limitMs,
    );
    const initialGroupMs = performance.now() - startedAt;
    await sleep(options.baselineMs);
    const joinAt = await startMember();
    await waitUntil(
      `${options.members + 1} members balanced`,
      () => !Number.isNaN(watch.balancedSince),
      options.limitMs,
    );
    await waitUntil(
      "every partition consumed after the final assignment",
      () => !Number.isNaN(watch.balancedSince) && watch.allConsumedSince(watch.balancedSince),
      options.settleLimitMs,
    );
    const finalAt = watch.balancedSince;
    await sleep(options.tailMs);
    if (crash !== null) throw new Error(crash);
    return {
      strategy: options.strategy,
      initialGroupMs,
      ...watch.figures(joinAt, finalAt, options.baselineMs),
      producer: await producer.stop(),
    };
  } finally {
    await Promise.allSettled(members.map((member) => member.disconnect()));
    await producer.stop();
  }
}
