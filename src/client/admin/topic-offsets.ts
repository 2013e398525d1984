/**
 * A topic's offsets, read and moved at each partition's leader: the earliest and latest
 * offsets and the offset of a timestamp (ListOffsets, as KafkaJS's fetchTopicOffsets and
 * fetchTopicOffsetsByTimestamp and kafka-get-offsets read them), and deleting records
 * below an offset (DeleteRecords, as kafka-delete-records does), which moves the log
 * start offset up.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { DeleteRecordsResponse } from "../../protocol/generated/messages/delete-records-response.ts";
import type { ListOffsetsResponse } from "../../protocol/generated/messages/list-offsets-response.ts";
import { requireArgument } from "./admin-error.ts";
import { deadlineAfter, requestTimeout, valuesOrThrow, type AdminContext } from "./admin-retry.ts";
import { sendToNode } from "./admin-routing.ts";
import type { DeletedRecords, PartitionOffsets, SeekEntry } from "./admin-types.ts";
import { partitionOutcome, settleByLeader, topicPartitions } from "./partition-leaders.ts";

/** ListOffsets' special timestamps. */
export const LATEST_TIMESTAMP = -1n;
export const EARLIEST_TIMESTAMP = -2n;
/** Kafka's admin reads offsets as READ_UNCOMMITTED: latest is the high watermark. */
const READ_UNCOMMITTED = 0;
/** How long a leader may wait for its followers to move their log start offset too. */
const DELETE_RECORDS_TIMEOUT_MS = 5000;

/**
 * The offset of `timestamp` in each of `partitions` of `topic` (LATEST_TIMESTAMP: the high
 * watermark; EARLIEST_TIMESTAMP: the log start offset; else the first offset whose
 * timestamp is at or after it, -1 when there is none).
 */
export async function listOffsets(
  context: AdminContext,
  deadlineMs: number,
  topic: string,
  partitions: readonly number[],
  timestamp: bigint,
): Promise<bigint[]> {
  const outcomes = await settleByLeader(
    context,
    deadlineMs,
    topic,
    partitions,
    async (leader, led) => {
      const { response } = await sendToNode<ListOffsetsResponse>(
        context,
        deadlineMs,
        leader,
        ApiKey.ListOffsets,
        {
          replicaId: -1,
          isolationLevel: READ_UNCOMMITTED,
          topics: [
            {
              name: topic,
              partitions: led.map((partitionIndex) => ({
                partitionIndex,
                currentLeaderEpoch: -1,
                timestamp,
                maxNumOffsets: 1,
              })),
            },
          ],
          timeoutMs: requestTimeout(context, deadlineMs).timeoutMs,
        },
      );
      const answers = new Map(
        (response.topics.find((each) => each.name === topic)?.partitions ?? []).map((answer) => [
          answer.partitionIndex,
          answer,
        ]),
      );
      return new Map(
        led.map((partition) => {
          const answer = answers.get(partition);
          // v0 answered in oldStyleOffsets; every later version in `offset`.
          const offsetOf = () => answer!.oldStyleOffsets[0] ?? answer!.offset;
          return [partition, partitionOutcome(topic, partition, answer, offsetOf)];
        }),
      );
    },
  );
  return valuesOrThrow(partitions, outcomes);
}

function requireTopic(topic: unknown): asserts topic is string {
  requireArgument(typeof topic === "string" && topic.length > 0, `Invalid topic ${String(topic)}`);
}

/** Each partition's latest (high watermark) and earliest (log start) offsets, KafkaJS's shape. */
export async function fetchTopicOffsets(
  context: AdminContext,
  topic: string,
): Promise<PartitionOffsets[]> {
  requireTopic(topic);
  const deadlineMs = deadlineAfter(context);
  const partitions = await topicPartitions(context, topic, deadlineMs);
  const high = await listOffsets(context, deadlineMs, topic, partitions, LATEST_TIMESTAMP);
  const low = await listOffsets(context, deadlineMs, topic, partitions, EARLIEST_TIMESTAMP);
  return partitions.map((partition, index) => ({
    partition,
    offset: String(high[index]),
    high: String(high[index]),
    low: String(low[index]),
  }));
}

/**
 * Each partition's first offset whose record timestamp is at or after `timestamp`; where
 * no record is that late, the latest offset (KafkaJS's answer, so a consumer seeking there
 * waits for new records). Without a timestamp: the latest offsets.
 */
export async function fetchTopicOffsetsByTimestamp(
  context: AdminContext,
  topic: string,
  timestamp?: number,
): Promise<SeekEntry[]> {
  requireTopic(topic);
  requireArgument(
    timestamp === undefined || Number.isSafeInteger(timestamp),
    `Invalid timestamp ${String(timestamp)}`,
  );
  const deadlineMs = deadlineAfter(context);
  const partitions = await topicPartitions(context, topic, deadlineMs);
  const high = await listOffsets(context, deadlineMs, topic, partitions, LATEST_TIMESTAMP);
  const found =
    timestamp === undefined
      ? high
      : await listOffsets(context, deadlineMs, topic, partitions, BigInt(timestamp));
  return partitions.map((partition, index) => ({
    partition,
    offset: String(found[index]! >= 0n ? found[index] : high[index]),
  }));
}

function parseOffset(text: string, what: string): bigint {
  requireArgument(/^-?\d+$/.test(String(text)), `Invalid offset "${text}" for ${what}`);
  return BigInt(text);
}

/**
 * Deletes the records of each named partition below its offset ("-1": below the high
 * watermark, i.e. every record); answers each partition's new log start offset.
 */
export async function deleteTopicRecords(
  context: AdminContext,
  options: { topic: string; partitions: SeekEntry[] },
): Promise<DeletedRecords[]> {
  const { topic, partitions } = options;
  requireTopic(topic);
  requireArgument(Array.isArray(partitions) && partitions.length > 0, "Invalid partitions");
  const offsets = new Map(
    partitions.map(({ partition, offset }) => [
      partition,
      parseOffset(offset, `partition ${topic}-${partition}`),
    ]),
  );
  requireArgument(
    offsets.size === partitions.length,
    "Invalid partitions: one entry per partition",
  );
  const deadlineMs = deadlineAfter(context);
  const wanted = [...offsets.keys()];
  const outcomes = await settleByLeader(context, deadlineMs, topic, wanted, async (leader, led) => {
    const { response } = await sendToNode<DeleteRecordsResponse>(
      context,
      deadlineMs,
      leader,
      ApiKey.DeleteRecords,
      {
        topics: [
          {
            name: topic,
            partitions: led.map((partitionIndex) => ({
              partitionIndex,
              offset: offsets.get(partitionIndex)!,
            })),
          },
        ],
        timeoutMs: DELETE_RECORDS_TIMEOUT_MS,
      },
    );
    const answers = new Map(
      (response.topics.find((each) => each.name === topic)?.partitions ?? []).map((answer) => [
        answer.partitionIndex,
        answer,
      ]),
    );
    return new Map(
      led.map((partition) => {
        const answer = answers.get(partition);
        const lowWatermark = () => String(answer!.lowWatermark);
        return [partition, partitionOutcome(topic, partition, answer, lowWatermark)];
      }),
    );
  });
  return valuesOrThrow(wanted, outcomes).map((lowWatermark, index) => ({
    partition: wanted[index]!,
    lowWatermark,
  }));
}
