/**
 * Requests that only a partition's leader answers (ListOffsets, DeleteRecords), sent as
 * Kafka's AdminClient sends them: the topic's partitions grouped by their leader from
 * metadata, one request per leader, and the partitions that failed retriably
 * (NOT_LEADER_OR_FOLLOWER, LEADER_NOT_AVAILABLE, a leader that does not know the topic
 * yet, a lost connection) sent again to their leader after a metadata refresh.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { KafkaProtocolError } from "../kafka-error.ts";
import { AdminProtocolError } from "./admin-error.ts";
import {
  deadlineAfter,
  failed,
  retrying,
  settleEach,
  succeeded,
  type AdminContext,
  type Outcome,
} from "./admin-retry.ts";
import { checkTopicKnown } from "./topics.ts";

/** The outcome of one partition in a leader's answer. */
export function partitionOutcome<V>(
  topic: string,
  partition: number,
  answer: { errorCode: number } | undefined,
  value: (answer: { errorCode: number }) => V,
): Outcome<V> {
  if (answer === undefined) {
    return failed(
      new AdminProtocolError(ErrorCode.UNKNOWN_SERVER_ERROR, { topic, partition }, "no answer"),
    );
  }
  if (answer.errorCode === ErrorCode.NONE) return succeeded(value(answer));
  // The topic exists (metadata said so), so a leader that does not know it yet is stale
  // and worth asking again: Kafka's table, not the admin default, decides here.
  const retriable = new KafkaProtocolError(answer.errorCode).retriable;
  return failed(new AdminProtocolError(answer.errorCode, { topic, partition }, null, retriable));
}

/** The partition numbers of `topic`, from fresh metadata (UNKNOWN_TOPIC_OR_PARTITION if none). */
export async function topicPartitions(
  context: AdminContext,
  topic: string,
  deadlineMs = deadlineAfter(context),
): Promise<number[]> {
  const info = await retrying(context, deadlineMs, async () =>
    checkTopicKnown(await context.cluster.refreshMetadata([topic]), topic),
  );
  return info.partitions.map((partition) => partition.partition);
}

/**
 * Settles each partition of `topic` in `partitions` by asking its leader: `ask` gets one
 * leader and the partitions it leads and answers an outcome for each.
 */
export async function settleByLeader<V>(
  context: AdminContext,
  deadlineMs: number,
  topic: string,
  partitions: readonly number[],
  ask: (leader: number, partitions: number[]) => Promise<Map<number, Outcome<V>>>,
): Promise<Map<number, Outcome<V>>> {
  const { cluster } = context;
  return settleEach(context, deadlineMs, partitions, async (pending, attemptNumber) => {
    if (attemptNumber > 0 || !cluster.metadata.topics.has(topic) || cluster.metadataStale) {
      await cluster.refreshMetadata([topic]);
    }
    const info = checkTopicKnown(cluster.metadata, topic);
    const outcomes = new Map<number, Outcome<V>>();
    const byLeader = new Map<number, number[]>();
    for (const partition of pending) {
      const leader = info.partitions.find((each) => each.partition === partition)?.leader;
      if (leader === undefined) {
        const error = new AdminProtocolError(
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          { topic, partition },
          `the topic has ${info.partitions.length} partitions`,
        );
        outcomes.set(partition, failed(error));
      } else if (leader < 0) {
        const error = new AdminProtocolError(ErrorCode.LEADER_NOT_AVAILABLE, { topic, partition });
        outcomes.set(partition, failed(error));
      } else {
        byLeader.set(leader, [...(byLeader.get(leader) ?? []), partition]);
      }
    }
    await Promise.all(
      [...byLeader].map(async ([leader, led]) => {
        try {
          for (const [partition, outcome] of await ask(leader, led)) {
            outcomes.set(partition, outcome);
          }
        } catch (error) {
          // A leader that cannot be reached fails only its own partitions (retriably).
          for (const partition of led) outcomes.set(partition, failed(error as Error));
        }
      }),
    );
    return outcomes;
  });
}
