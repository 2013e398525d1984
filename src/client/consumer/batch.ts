/**
 * KafkaJS's Batch: one partition's messages from one fetch, with the HW they were read
 * under, so a handler can see how far behind it is (offsetLag: records after the last
 * message; offsetLagLow: records after the first).
 */
import type { Batch, KafkaMessage } from "./consumer-types.ts";

export function createBatch(
  topic: string,
  partition: number,
  highWatermark: bigint,
  messages: KafkaMessage[],
): Batch {
  const first = messages[0];
  const last = messages[messages.length - 1];
  const lastOffset = last === undefined ? highWatermark - 1n : BigInt(last.offset);
  const lag = (from: bigint) => {
    const behind = highWatermark - 1n - from;
    return (behind < 0n ? 0n : behind).toString();
  };
  return {
    topic,
    partition,
    highWatermark: highWatermark.toString(),
    messages,
    isEmpty: () => messages.length === 0,
    firstOffset: () => first?.offset ?? null,
    lastOffset: () => lastOffset.toString(),
    offsetLag: () => lag(lastOffset),
    offsetLagLow: () => lag(first === undefined ? lastOffset : BigInt(first.offset)),
  };
}
