/**
 * The leader's side of ISR changes: shrink the ISR when a follower has not caught up for
 * replica.lag.time.max.ms, expand it when a follower outside reaches the HW, each through
 * an AlterPartition request to the controller. One change per partition is in flight at
 * a time; while it is, the HW already counts a joining replica (Kafka's maximal ISR) but
 * min.insync.replicas still counts only the committed ISR.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { AlterPartitionResponse } from "../../protocol/generated/messages/alter-partition-response.ts";
import type { ControllerChannel } from "../controller-channel.ts";
import type { Partition } from "./partition.ts";
import type { ReplicaManager } from "./replica-manager.ts";

const ALTER_PARTITION_VERSION = 3;

export interface IsrUpdaterOptions {
  manager: ReplicaManager;
  controller: ControllerChannel;
  /** This broker's epoch (from its registration) and any other broker's, from the image. */
  brokerEpoch(brokerId: number): bigint;
}

export class IsrUpdater {
  private lastShrinkCheckMs = -Infinity;

  constructor(private readonly options: IsrUpdaterOptions) {}

  tick(): void {
    const { manager } = this.options;
    const now = manager.options.clock.nowMs();
    const lagMs = manager.replicaLagTimeMaxMs;
    // Kafka checks for shrinking every replica.lag.time.max.ms / 2.
    const shrinkDue = now - this.lastShrinkCheckMs >= lagMs / 2;
    if (shrinkDue) this.lastShrinkCheckMs = now;
    for (const partition of manager.partitions.values()) {
      if (partition.role !== "leader" || partition.pendingIsr !== null) continue;
      const joining = partition.replicasReadyToJoin();
      if (joining.length > 0) {
        this.propose(partition, [...partition.isr, ...joining]);
        continue;
      }
      if (!shrinkDue) continue;
      const lagging = partition.outOfSyncReplicas(now, lagMs);
      if (lagging.length > 0)
        this.propose(
          partition,
          partition.isr.filter((id) => !lagging.includes(id)),
        );
    }
  }

  private propose(partition: Partition, newIsr: number[]): void {
    const { manager, controller } = this.options;
    const sorted = [...newIsr].sort(
      (a, b) => partition.replicas.indexOf(a) - partition.replicas.indexOf(b),
    );
    partition.pendingIsr = sorted;
    const epoch = partition.leaderEpoch;
    const request = {
      brokerId: manager.nodeId,
      brokerEpoch: this.options.brokerEpoch(manager.nodeId),
      topics: [
        {
          topicName: partition.topic,
          topicId: partition.topicId,
          partitions: [
            {
              partitionIndex: partition.partition,
              leaderEpoch: epoch,
              newIsr: sorted,
              newIsrWithEpochs: sorted.map((brokerId) => ({
                brokerId,
                brokerEpoch: this.options.brokerEpoch(brokerId),
              })),
              leaderRecoveryState: 0,
              partitionEpoch: partition.partitionEpoch,
            },
          ],
        },
      ],
    };
    const timeoutMs = manager.options.config.number("request.timeout.ms");
    controller
      .request<AlterPartitionResponse>(
        ApiKey.AlterPartition,
        ALTER_PARTITION_VERSION,
        request,
        timeoutMs,
      )
      .then(
        (response) => this.complete(partition, epoch, response),
        () => {
          if (partition.pendingIsr === sorted) partition.pendingIsr = null;
        },
      );
  }

  private complete(partition: Partition, epoch: number, response: AlterPartitionResponse): void {
    const { manager } = this.options;
    const answer = response.topics[0]?.partitions[0];
    partition.pendingIsr = null;
    if (
      response.errorCode !== ErrorCode.NONE ||
      answer === undefined ||
      answer.errorCode !== ErrorCode.NONE
    )
      return;
    if (
      partition.role !== "leader" ||
      partition.leaderEpoch !== epoch ||
      answer.partitionEpoch <= partition.partitionEpoch
    )
      return;
    partition.isr = answer.isr;
    partition.partitionEpoch = answer.partitionEpoch;
    manager.emitIsr(partition);
    const now = manager.options.clock.nowMs();
    if (partition.maybeIncrementHighWatermark(now, manager.replicaLagTimeMaxMs))
      manager.highWatermarkMoved(partition);
    else manager.partitionChanged(partition);
  }
}
