/**
 * New partitions, for CreateTopics and CreatePartitions: checking a user's manual replica
 * assignment as Kafka's validateManualPartitionAssignment does, and turning replicas into a
 * PartitionRecord. The ISR of a new partition is its active replicas and its leader the
 * first of them, so a replica on a fenced broker starts outside the ISR.
 */
import { defaultPartitionRecord } from "../protocol/generated/metadata-records/partition-record.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { Uuid } from "../protocol/primitives/uuid.ts";
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import { apiError, type ApiError } from "./api-error.ts";
import type { ControllerState } from "./controller-state.ts";

/** The problem with one manually assigned replica list, or null. */
export function manualAssignmentProblem(
  state: ControllerState,
  replicas: readonly number[],
  replicationFactor: number | null,
): ApiError | null {
  const invalid = (message: string) => apiError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, message);
  if (replicas.length === 0)
    return invalid("The manual partition assignment includes an empty replica list.");
  const sorted = [...replicas].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i]!;
    if (!state.image.brokers.has(id)) {
      return invalid(
        `The manual partition assignment includes broker ${id}, but no such broker is registered.`,
      );
    }
    if (i > 0 && sorted[i - 1] === id)
      return invalid(`The manual partition assignment includes the broker ${id} more than once.`);
  }
  if (replicationFactor !== null && replicas.length !== replicationFactor) {
    return invalid(
      `The manual partition assignment includes a partition with ${replicas.length} replica(s), but this is not consistent ` +
        `with previous partitions, which have ${replicationFactor} replica(s).`,
    );
  }
  return null;
}

/** The replicas that may join the ISR of a new partition: those on active brokers. */
export function initialIsr(state: ControllerState, replicas: readonly number[]): number[] {
  return replicas.filter((id) => state.isActiveBroker(id));
}

export function partitionRecord(
  topicId: Uuid,
  partitionId: number,
  replicas: readonly number[],
  isr: readonly number[],
): MetadataRecord {
  return {
    type: "PartitionRecord",
    data: {
      ...defaultPartitionRecord(),
      topicId,
      partitionId,
      replicas: [...replicas],
      isr: [...isr],
      leader: isr[0]!,
      leaderRecoveryState: 0,
      leaderEpoch: 0,
      partitionEpoch: 0,
    },
  };
}

/** Kafka's answer when every broker a new partition could go to is fenced or shutting down. */
export function noActiveReplicaError(replicationFactor: number): ApiError {
  return apiError(
    ErrorCode.INVALID_REPLICATION_FACTOR,
    `Unable to replicate the partition ${replicationFactor} time(s): All brokers are currently fenced or in controlled shutdown.`,
  );
}
