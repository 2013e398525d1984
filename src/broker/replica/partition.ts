/**
 * One partition as this broker holds it: its log, its role (leader, follower or neither,
 * as the metadata says), and — while leader — what it knows of each follower. The HW and
 * ISR rules live here, as in Kafka's Partition:
 *   HW = the smallest LEO among the ISR (counting a pending ISR expansion, Kafka's
 *   "maximal ISR"); it only moves forward.
 *   A follower leaves the ISR when not caught up for replica.lag.time.max.ms, and may
 *   rejoin once its LEO reaches the HW (and the start of the leader's epoch).
 */
import type { PartitionLog } from "../../log/partition-log.ts";
import type { PartitionImage } from "../../metadata/metadata-image.ts";
import type { Uuid } from "../../protocol/primitives/uuid.ts";
import type { ProducerStateManager } from "../producer-state/producer-state-manager.ts";
import { ReplicaState } from "./replica-state.ts";

export type PartitionRole = "leader" | "follower" | "none";

export class Partition {
  role: PartitionRole = "none";
  leaderId = -1;
  leaderEpoch = -1;
  partitionEpoch = -1;
  replicas: number[] = [];
  /** The ISR as the controller last committed it. */
  isr: number[] = [];
  /** The ISR asked for in an AlterPartition still in flight, or null. */
  pendingIsr: number[] | null = null;
  highWatermark: bigint;
  /** The LEO when this broker became leader in the current epoch. */
  leaderEpochStartOffset = -1n;
  readonly followers = new Map<number, ReplicaState>();
  /** Set while a follower must truncate before fetching (a new leader epoch was seen). */
  needsTruncation = false;

  constructor(
    readonly topic: string,
    readonly partition: number,
    public readonly topicId: Uuid,
    readonly log: PartitionLog,
    readonly producers: ProducerStateManager,
    checkpointedHighWatermark: bigint,
    readonly nodeId: number,
    /**
     * Whether a broker may count towards the HW from outside the ISR: registered, not
     * fenced and not shutting down (Kafka's isReplicaIsrEligible, KIP-841). A dead follower
     * that was caught up a moment ago must not hold the HW for replica.lag.time.max.ms.
     */
    private readonly isrEligible: (brokerId: number) => boolean = () => true,
  ) {
    this.highWatermark = clamp(checkpointedHighWatermark, log.logStartOffset, log.logEndOffset);
  }

  /** "topic-partition": the purgatory's watch key, built once (it is asked on every append). */
  get key(): string {
    return (this.cachedKey ??= `${this.topic}-${this.partition}`);
  }
  private cachedKey: string | undefined;

  /** ISR members plus any the leader is adding: the set the HW waits for. */
  get maximalIsr(): number[] {
    if (this.pendingIsr === null) return this.isr;
    return [...new Set([...this.isr, ...this.pendingIsr])];
  }

  makeLeader(image: PartitionImage, nowMs: number): void {
    const newEpoch = this.role !== "leader" || image.leaderEpoch !== this.leaderEpoch;
    this.role = "leader";
    this.applyImage(image);
    if (!newEpoch) return;
    this.leaderEpochStartOffset = this.log.logEndOffset;
    this.pendingIsr = null;
    this.followers.clear();
    for (const replica of image.replicas) {
      if (replica !== this.nodeId) this.followers.set(replica, new ReplicaState(replica, nowMs));
    }
  }

  makeFollower(image: PartitionImage): void {
    const leaderChanged =
      this.role !== "follower" ||
      image.leaderEpoch !== this.leaderEpoch ||
      image.leader !== this.leaderId;
    this.role = image.leader === -1 && !image.replicas.includes(this.nodeId) ? "none" : "follower";
    this.applyImage(image);
    this.followers.clear();
    this.pendingIsr = null;
    if (leaderChanged) this.needsTruncation = true;
  }

  /** The committed ISR or partition epoch moved on without a leader change. */
  applyImage(image: PartitionImage): void {
    this.leaderId = image.leader;
    this.leaderEpoch = image.leaderEpoch;
    if (image.partitionEpoch >= this.partitionEpoch) {
      this.partitionEpoch = image.partitionEpoch;
      this.isr = [...image.isr];
      if (this.pendingIsr !== null && sameMembers(this.pendingIsr, image.isr))
        this.pendingIsr = null;
    }
    this.replicas = [...image.replicas];
    for (const replica of image.replicas) {
      if (this.role === "leader" && replica !== this.nodeId && !this.followers.has(replica)) {
        this.followers.set(replica, new ReplicaState(replica, -Infinity));
      }
    }
  }

  /** A follower fetched from `fetchOffset`: its LEO. Returns whether the HW moved. */
  recordFollowerFetch(
    replicaId: number,
    fetchOffset: bigint,
    nowMs: number,
    replicaLagTimeMaxMs: number,
  ): boolean {
    const follower = this.followers.get(replicaId);
    if (follower === undefined) return false;
    follower.updateFetch(fetchOffset, this.log.logEndOffset, nowMs);
    return this.maybeIncrementHighWatermark(nowMs, replicaLagTimeMaxMs);
  }

  maybeIncrementHighWatermark(nowMs: number, replicaLagTimeMaxMs: number): boolean {
    if (this.role !== "leader") return false;
    const leaderEnd = this.log.logEndOffset;
    let candidate = leaderEnd;
    const isr = this.maximalIsr;
    for (const follower of this.followers.values()) {
      const counts =
        isr.includes(follower.brokerId) ||
        (follower.isCaughtUp(leaderEnd, nowMs, replicaLagTimeMaxMs) &&
          follower.logEndOffset >= this.highWatermark &&
          this.isrEligible(follower.brokerId));
      if (counts && follower.logEndOffset < candidate) candidate = follower.logEndOffset;
    }
    if (candidate <= this.highWatermark) return false;
    this.highWatermark = candidate;
    return true;
  }

  /** ISR followers that have not caught up within replica.lag.time.max.ms. */
  outOfSyncReplicas(nowMs: number, replicaLagTimeMaxMs: number): number[] {
    const leaderEnd = this.log.logEndOffset;
    return this.isr.filter((id) => {
      if (id === this.nodeId) return false;
      const follower = this.followers.get(id);
      return follower === undefined || !follower.isCaughtUp(leaderEnd, nowMs, replicaLagTimeMaxMs);
    });
  }

  /** Followers outside the ISR whose LEO has reached the HW in this leader epoch. */
  replicasReadyToJoin(): number[] {
    const result: number[] = [];
    for (const follower of this.followers.values()) {
      if (this.isr.includes(follower.brokerId)) continue;
      if (
        follower.logEndOffset >= this.highWatermark &&
        follower.logEndOffset >= this.leaderEpochStartOffset
      ) {
        result.push(follower.brokerId);
      }
    }
    return result;
  }

  /** A follower learns the HW from its leader, bounded by its own LEO. */
  updateFollowerHighWatermark(leaderHighWatermark: bigint): boolean {
    const next =
      leaderHighWatermark < this.log.logEndOffset ? leaderHighWatermark : this.log.logEndOffset;
    if (next === this.highWatermark) return false;
    this.highWatermark = next;
    return true;
  }

  /** After a truncation the HW can not be past the log end. */
  clampHighWatermark(): void {
    this.highWatermark = clamp(this.highWatermark, this.log.logStartOffset, this.log.logEndOffset);
  }
}

function clamp(value: bigint, low: bigint, high: bigint): bigint {
  return value < low ? low : value > high ? high : value;
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
