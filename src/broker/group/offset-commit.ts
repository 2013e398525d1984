/**
 * OffsetCommit's rules (Kafka's OffsetMetadataManager.commitOffset with the classic group's
 * validateOffsetCommit). A group that manages its members only accepts commits from a
 * current member of the current generation — not while it completes a rebalance
 * (REBALANCE_IN_PROGRESS); an Empty group also takes commits without a generation (-1),
 * from the admin client or a consumer that assigns partitions itself, and such a commit
 * creates the group if it does not exist. Metadata longer than offset.metadata.max.bytes
 * is refused per partition. The offsets are written to __consumer_offsets with acks=all;
 * the answer and the new offsets come once the write is below the HW.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { ClassicGroup } from "./classic-group.ts";
import { nowMs, type CoordinatorContext } from "./coordinator-context.ts";
import {
  offsetCommitRecord,
  type CommittedOffset,
  type EncodedRecord,
} from "./coordinator-records.ts";
import { offsetCommitError } from "./coordinator-writer.ts";
import { scheduleHeartbeat } from "./rebalance.ts";

export interface OffsetCommitParams {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  apiVersion: number;
  /** v2-v4: how long to keep these offsets (-1: the broker's offsets.retention.minutes). */
  retentionTimeMs: bigint;
  partitions: readonly PartitionCommit[];
}

export interface PartitionCommit {
  topic: string;
  partition: number;
  offset: bigint;
  leaderEpoch: number;
  metadata: string | null;
}

/** The error for each partition, in the order given. */
export async function commitOffsets(
  ctx: CoordinatorContext,
  params: OffsetCommitParams,
): Promise<number[]> {
  const everyPartition = (errorCode: number) => params.partitions.map(() => errorCode);
  let group = ctx.groups.get(params.groupId);
  let created = false;
  if (group === undefined) {
    if (params.generationId >= 0)
      return everyPartition(
        params.apiVersion >= 9 ? ErrorCode.GROUP_ID_NOT_FOUND : ErrorCode.ILLEGAL_GENERATION,
      );
    // A "simple" group: Kafka only to keep offsets, no membership.
    group = new ClassicGroup(params.groupId, "Empty", nowMs(ctx));
    ctx.groups.set(params.groupId, group);
    ctx.events.changed(group, "created by an offset commit without a generation");
    created = true;
  }
  const invalid = validateCommit(group, params);
  if (invalid !== ErrorCode.NONE) return everyPartition(invalid);
  if (group.is("Stable") || group.is("PreparingRebalance")) {
    // In the classic protocol a commit also keeps the member's session alive.
    const member = group.member(params.memberId);
    if (member !== undefined) scheduleHeartbeat(ctx, group, member);
  }

  const commitTimestampMs = BigInt(Math.floor(nowMs(ctx)));
  const expireTimestampMs =
    params.retentionTimeMs === -1n ? null : commitTimestampMs + params.retentionTimeMs;
  const maxMetadata = ctx.config.offsetMetadataMaxBytes;
  const errors = params.partitions.map((p) =>
    p.metadata !== null && p.metadata.length > maxMetadata
      ? ErrorCode.OFFSET_METADATA_TOO_LARGE
      : ErrorCode.NONE,
  );
  const written: { commit: PartitionCommit; committed: CommittedOffset }[] = [];
  const records: EncodedRecord[] = [];
  params.partitions.forEach((commit, index) => {
    if (errors[index] !== ErrorCode.NONE) return;
    const committed: CommittedOffset = {
      offset: commit.offset,
      leaderEpoch: commit.leaderEpoch,
      metadata: commit.metadata ?? "",
      commitTimestampMs,
      expireTimestampMs,
    };
    written.push({ commit, committed });
    records.push(offsetCommitRecord(params.groupId, commit.topic, commit.partition, committed));
  });
  if (records.length === 0) return errors;

  const outcome = await ctx.write(params.groupId, records);
  if (outcome.errorCode !== ErrorCode.NONE) {
    const mapped = offsetCommitError(outcome.errorCode);
    if (created && group.is("Empty") && group.size === 0 && !ctx.offsets.hasOffsets(group.groupId))
      ctx.groups.delete(group.groupId);
    return errors.map((error) => (error === ErrorCode.NONE ? mapped : error));
  }
  if (!group.is("Dead")) {
    written.forEach(({ commit, committed }, index) => {
      ctx.offsets.apply(
        params.groupId,
        commit.topic,
        commit.partition,
        committed,
        outcome.baseOffset + BigInt(index),
      );
      ctx.events.offsetCommitted(params.groupId, commit.topic, commit.partition, commit.offset);
    });
  }
  return errors;
}

function validateCommit(group: ClassicGroup, params: OffsetCommitParams): number {
  if (group.is("Dead")) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  if (params.generationId < 0 && group.is("Empty")) return ErrorCode.NONE;
  if (params.generationId >= 0 || params.memberId !== "" || params.groupInstanceId !== null) {
    const memberError = group.validateMember(params.memberId, params.groupInstanceId);
    if (memberError !== ErrorCode.NONE) return memberError;
    if (params.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
  } else if (!group.is("Empty")) {
    // Without member id and generation, only an Empty group takes commits.
    return ErrorCode.UNKNOWN_MEMBER_ID;
  }
  // Its JoinGroup answer is in, its assignment is not: commit after SyncGroup.
  if (group.is("CompletingRebalance")) return ErrorCode.REBALANCE_IN_PROGRESS;
  return ErrorCode.NONE;
}
