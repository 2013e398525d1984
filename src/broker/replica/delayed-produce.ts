/**
 * A Produce with acks=all waits here until every partition it wrote has its records
 * below the HW (then NONE, or NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR has meanwhile
 * shrunk below min.insync.replicas), the partition's leader changes (NOT_LEADER_OR_FOLLOWER),
 * its log dir goes offline (KAFKA_STORAGE_ERROR), or the request's timeout passes
 * (REQUEST_TIMED_OUT).
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DelayedOperation } from "./delayed-operations.ts";
import type { AppendOutcome } from "./leader-append.ts";
import type { Partition } from "./partition.ts";
import type { ReplicaManager } from "./replica-manager.ts";

export interface PendingAppend {
  partition: Partition;
  leaderEpoch: number;
  outcome: AppendOutcome;
}

export function waitForReplication(
  manager: ReplicaManager,
  appends: PendingAppend[],
  timeoutMs: number,
): Promise<void> {
  const waiting = appends.filter((append) => append.outcome.errorCode === ErrorCode.NONE);
  if (waiting.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const settle = (expired: boolean): boolean => {
      if (done) return true;
      let complete = true;
      for (const append of waiting) {
        const status = replicationStatus(manager, append);
        if (status === "waiting") {
          if (!expired) complete = false;
          else
            append.outcome = {
              ...append.outcome,
              errorCode: ErrorCode.REQUEST_TIMED_OUT,
              errorMessage: "the in-sync replicas did not all confirm the records in time",
            };
        } else if (status !== ErrorCode.NONE) {
          append.outcome = { ...append.outcome, errorCode: status, errorMessage: null };
        }
      }
      if (complete || expired) {
        done = true;
        resolve();
        return true;
      }
      return false;
    };
    const operation: DelayedOperation = {
      watchKeys: waiting.map((append) => append.partition.key),
      deadlineMs: manager.options.clock.nowMs() + timeoutMs,
      tryComplete: () => settle(false),
      onExpire: () => void settle(true),
    };
    if (!manager.purgatory.tryCompleteElseWatch(operation)) settle(true);
  });
}

/** "waiting", or the error code the partition's part of the request ends with. */
function replicationStatus(manager: ReplicaManager, append: PendingAppend): "waiting" | number {
  const { partition, leaderEpoch, outcome } = append;
  if (outcome.errorCode !== ErrorCode.NONE) return outcome.errorCode;
  // The records may be on the other replicas, but this leader can no longer vouch for them.
  if (partition.log.isOffline) return ErrorCode.KAFKA_STORAGE_ERROR;
  if (partition.role !== "leader" || partition.leaderEpoch !== leaderEpoch)
    return ErrorCode.NOT_LEADER_OR_FOLLOWER;
  if (partition.highWatermark <= outcome.lastOffset) return "waiting";
  const minInsync = Number(manager.topicConfig(partition.topic).get("min.insync.replicas"));
  return partition.isr.length < minInsync
    ? ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND
    : ErrorCode.NONE;
}
