/**
 * What the broker does when its log dir goes offline (Kafka's ReplicaManager
 * handleLogDirFailure): say so, and wake every request waiting on a partition in the dir
 * (acks=all Produces, parked Fetches) so it answers KAFKA_STORAGE_ERROR now rather than at
 * its timeout. Follower fetchers stop on their own (they check the dir), and every later
 * append or read answers KAFKA_STORAGE_ERROR from the offline logs.
 *
 * Kafka goes further with its only log dir: the broker halts (Exit.halt), its heartbeats
 * stop, and the controller fences it after broker.session.timeout.ms so leadership moves
 * to the other replicas. Halting is the node's business (src/runtime/kafka-node), which
 * hears of the failure through LogManager.onOffline.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ReplicaManager } from "./replica-manager.ts";

export function reportLogDirFailure(manager: ReplicaManager, reason: string): void {
  manager.options.telemetry.emit({
    kind: "error",
    node: manager.nodeId,
    where: `log dir ${manager.options.logDir}`,
    message: `the log dir is offline: ${reason}`,
    errorCode: ErrorCode.KAFKA_STORAGE_ERROR,
  });
  for (const partition of manager.partitions.values()) manager.partitionChanged(partition);
}
