/**
 * Fills a topic for the consumer runs with our producer (Kafka's defaults: acks=all,
 * idempotent, linger.ms 5, batch.size 16384): null-keyed records in sendBatch calls, a
 * bounded number outstanding, until `records` are acknowledged; then checks that the
 * partitions' high watermarks add up to exactly that many.
 */
import type { Kafka } from "../../src/client/kafka.ts";
import type { Message } from "../../src/client/producer/producer-types.ts";
import { benchValue, recordsInTopic } from "./bench-kafka.ts";

export interface FillResult {
  records: number;
  seconds: number;
}

const RECORDS_PER_SEND = 1000;
const SENDS_IN_FLIGHT = 20;

export async function fillTopic(
  kafka: Kafka,
  topic: string,
  records: number,
  valueBytes: number,
): Promise<FillResult> {
  if (records % RECORDS_PER_SEND !== 0) {
    throw new Error(`fill a multiple of ${RECORDS_PER_SEND} records`);
  }
  const producer = kafka.producer({ "batch.size": 16_384, "linger.ms": 5 });
  await producer.connect();
  const value = benchValue(valueBytes);
  const messages: Message[] = Array.from({ length: RECORDS_PER_SEND }, () => ({ value }));
  const startedAt = performance.now();
  let sendsLeft = records / RECORDS_PER_SEND;
  const lane = async (): Promise<void> => {
    while (sendsLeft > 0) {
      sendsLeft--;
      await producer.sendBatch({ topicMessages: [{ topic, messages }] });
    }
  };
  try {
    await Promise.all(Array.from({ length: SENDS_IN_FLIGHT }, lane));
  } finally {
    await producer.disconnect();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const held = await recordsInTopic(kafka, topic);
  if (held !== records) throw new Error(`${topic} holds ${held} records after ${records} sent`);
  return { records, seconds };
}
