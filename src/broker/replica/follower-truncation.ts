/**
 * KIP-101 / KIP-279: before a follower fetches from a new leader it asks the leader,
 * with OffsetForLeaderEpoch, where its own latest epoch ended on the leader, and truncates
 * whatever it has beyond that point — never simply to its HW, which could throw away
 * records the new leader has (or keep ones it never had).
 */
import { BROKER_LISTENER, type NodeRequester } from "../../client/node-requester.ts";
import { UNDEFINED_EPOCH } from "../../log/leader-epoch-cache.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { OffsetForLeaderEpochResponse } from "../../protocol/generated/messages/offset-for-leader-epoch-response.ts";
import type { Partition } from "./partition.ts";
import type { ReplicaManager } from "./replica-manager.ts";

const OFFSET_FOR_LEADER_EPOCH_VERSION = 4;

/** Returns the partitions that are done (truncated or nothing to do); the rest retry later. */
export async function truncateToLeader(
  manager: ReplicaManager,
  requester: NodeRequester,
  leaderId: number,
  partitions: Partition[],
  timeoutMs: number,
): Promise<Partition[]> {
  const done: Partition[] = [];
  const asking: Partition[] = [];
  for (const partition of partitions) {
    if (partition.log.epochs.latestEpoch === null) {
      // Nothing written under any epoch: nothing can have diverged.
      partition.needsTruncation = false;
      done.push(partition);
    } else asking.push(partition);
  }
  if (asking.length === 0) return done;
  const byTopic = new Map<string, Partition[]>();
  for (const partition of asking)
    byTopic.set(partition.topic, [...(byTopic.get(partition.topic) ?? []), partition]);
  const response = await requester.request<OffsetForLeaderEpochResponse>(
    leaderId,
    BROKER_LISTENER,
    ApiKey.OffsetForLeaderEpoch,
    OFFSET_FOR_LEADER_EPOCH_VERSION,
    {
      replicaId: manager.nodeId,
      topics: [...byTopic].map(([topic, members]) => ({
        topic,
        partitions: members.map((partition) => ({
          partition: partition.partition,
          currentLeaderEpoch: partition.leaderEpoch,
          leaderEpoch: partition.log.epochs.latestEpoch!,
        })),
      })),
    },
    { timeoutMs },
  );
  for (const topic of response.topics) {
    for (const answer of topic.partitions) {
      const partition = byTopic
        .get(topic.topic)
        ?.find((candidate) => candidate.partition === answer.partition);
      if (partition === undefined || answer.errorCode !== ErrorCode.NONE) continue;
      await truncateTo(
        manager,
        partition,
        truncationOffset(partition, answer.leaderEpoch, answer.endOffset),
      );
      partition.needsTruncation = false;
      done.push(partition);
    }
  }
  return done;
}

function truncationOffset(
  partition: Partition,
  leaderEpoch: number,
  leaderEndOffset: bigint,
): bigint {
  const log = partition.log;
  // The leader knows nothing of our epochs (e.g. its log was deleted): fall back to the HW.
  if (leaderEpoch === UNDEFINED_EPOCH) return partition.highWatermark;
  const localEnd =
    leaderEpoch === log.epochs.latestEpoch
      ? log.logEndOffset
      : log.epochs.endOffsetFor(leaderEpoch, log.logEndOffset).endOffset;
  const target = leaderEndOffset < localEnd ? leaderEndOffset : localEnd;
  return target < log.logEndOffset ? target : log.logEndOffset;
}

export async function truncateTo(
  manager: ReplicaManager,
  partition: Partition,
  offset: bigint,
): Promise<void> {
  if (offset >= partition.log.logEndOffset) return;
  const result = await partition.log.truncateTo(offset);
  if (!result.ok) return;
  await manager.guardStorage(() =>
    partition.producers.truncateAndReload(partition.log, manager.options.clock.nowMs()),
  );
  partition.clampHighWatermark();
  manager.emitOffsets(partition);
}
