/**
 * The partitions this broker holds and their roles: opened, made leader or follower, and
 * removed as the metadata image says. Also the home of the purgatory and of the periodic
 * replication work (ISR checks, HW checkpoints, log retention) done on each tick.
 */
import type { Clock } from "../../client/clock.ts";
import {
  partitionKey,
  readOffsetCheckpoint,
  writeOffsetCheckpoint,
} from "../../log/checkpoints/offset-checkpoints.ts";
import type { FileSystem } from "../../log/fs/file-system.ts";
import type { LogManager } from "../../log/log-manager.ts";
import { partitionDirectory } from "../../log/segment-files.ts";
import type { BrokerConfig } from "../../metadata/configs/broker-configs.ts";
import {
  effectiveTopicConfig,
  logConfigOf,
  TOPIC_CONFIGS,
} from "../../metadata/configs/topic-configs.ts";
import type { MetadataImage, PartitionImage } from "../../metadata/metadata-image.ts";
import type { TelemetrySink } from "../../telemetry/telemetry-event.ts";
import { ProducerStateManager } from "../producer-state/producer-state-manager.ts";
import { DelayedOperations } from "./delayed-operations.ts";
import { reportLogDirFailure } from "./log-dir-failure.ts";
import { Partition } from "./partition.ts";

export const HIGH_WATERMARK_CHECKPOINT = "replication-offset-checkpoint";
/** replica.high.watermark.checkpoint.interval.ms */
const HIGH_WATERMARK_CHECKPOINT_INTERVAL_MS = 5000;

export interface ReplicaManagerOptions {
  nodeId: number;
  clock: Clock;
  fs: FileSystem;
  logDir: string;
  logs: LogManager;
  config: BrokerConfig;
  telemetry: TelemetrySink;
}

/** Told when partitions change role, so fetchers and ISR checks can follow. */
export interface RoleChangeListener {
  (partition: Partition): void;
}

export class ReplicaManager {
  readonly partitions = new Map<string, Partition>();
  readonly purgatory = new DelayedOperations();
  private checkpointedHighWatermarks = new Map<string, bigint>();
  private lastCheckpointMs = -Infinity;
  private metadataChain: Promise<void> = Promise.resolve();
  private readonly roleListeners: RoleChangeListener[] = [];
  private image: MetadataImage | null = null;
  private readonly topicConfigs = new Map<string, ReadonlyMap<string, string>>();

  private constructor(readonly options: ReplicaManagerOptions) {}

  static async open(options: ReplicaManagerOptions): Promise<ReplicaManager> {
    const manager = new ReplicaManager(options);
    manager.checkpointedHighWatermarks = await readOffsetCheckpoint(
      options.fs,
      `${options.logDir}/${HIGH_WATERMARK_CHECKPOINT}`,
    );
    options.logs.onOffline((reason) => reportLogDirFailure(manager, reason));
    return manager;
  }

  /** Null while the log dir works; once storage failed under it, why (it stays offline). */
  get logDirOffline(): string | null {
    return this.options.logs.offline;
  }

  /** Take the whole log dir offline, as Kafka's LogDirFailureChannel does on any storage error. */
  failLogDir(reason: string): void {
    this.options.logs.failLogDir(reason);
  }

  /** Runs a write to the log dir; a StorageError takes the dir offline instead of throwing. */
  guardStorage(work: () => Promise<void>): Promise<void> {
    return this.options.logs.guardStorage(work);
  }

  get nodeId(): number {
    return this.options.nodeId;
  }

  get replicaLagTimeMaxMs(): number {
    return this.options.config.number("replica.lag.time.max.ms");
  }

  onRoleChange(listener: RoleChangeListener): void {
    this.roleListeners.push(listener);
  }

  partition(topic: string, partition: number): Partition | undefined {
    return this.partitions.get(partitionKey(topic, partition));
  }

  /** Follow a new metadata image: open, re-role or remove partitions. Runs one at a time. */
  applyMetadata(image: MetadataImage): Promise<void> {
    this.image = image;
    this.topicConfigs.clear();
    this.metadataChain = this.metadataChain.then(() => this.reconcile(image));
    return this.metadataChain;
  }

  /**
   * A topic's effective configs: its overrides, else the broker-level setting of their
   * synonym (log.retention.ms for retention.ms, ...), else Kafka's default. Asked on every
   * append and every purgatory check, so kept until the metadata changes.
   */
  topicConfig(topic: string): ReadonlyMap<string, string> {
    let effective = this.topicConfigs.get(topic);
    if (effective === undefined) {
      const overrides = this.image?.topicConfigs(topic) ?? new Map<string, string>();
      effective = effectiveTopicConfig(overrides, this.brokerDefaults());
      this.topicConfigs.set(topic, effective);
    }
    return effective;
  }

  /** Kafka's isReplicaIsrEligible: a broker registered, unfenced and not shutting down. */
  private isrEligible(brokerId: number): boolean {
    const broker = this.image?.brokers.get(brokerId);
    return broker !== undefined && !broker.fenced && !broker.inControlledShutdown;
  }

  /** Something happened on a partition (append, HW move, role change): wake its waiters. */
  partitionChanged(partition: Partition): void {
    this.purgatory.checkAndComplete(partition.key);
  }

  emitIsr(partition: Partition): void {
    this.options.telemetry.emit({
      kind: "isr-changed",
      node: this.nodeId,
      topic: partition.topic,
      partition: partition.partition,
      isr: [...partition.isr],
      leaderEpoch: partition.leaderEpoch,
      partitionEpoch: partition.partitionEpoch,
    });
  }

  emitOffsets(partition: Partition): void {
    this.options.telemetry.emit({
      kind: "log-offsets",
      node: this.nodeId,
      topic: partition.topic,
      partition: partition.partition,
      logStartOffset: partition.log.logStartOffset,
      logEndOffset: partition.log.logEndOffset,
      highWatermark: partition.highWatermark,
    });
  }

  async tick(): Promise<void> {
    const now = this.options.clock.nowMs();
    this.purgatory.expire(now);
    const lagMs = this.replicaLagTimeMaxMs;
    for (const partition of this.partitions.values()) {
      partition.producers.expire(now);
      // A follower that stopped fetching can still let the HW move once it leaves the ISR.
      if (partition.maybeIncrementHighWatermark(now, lagMs)) this.highWatermarkMoved(partition);
    }
    if (now - this.lastCheckpointMs >= HIGH_WATERMARK_CHECKPOINT_INTERVAL_MS) {
      this.lastCheckpointMs = now;
      await this.guardStorage(() => this.checkpointHighWatermarks());
    }
    const report = await this.options.logs.tick(BigInt(Math.floor(now)));
    for (const [key, baseOffsets] of report.deletedSegments) {
      const partition = this.partitions.get(key);
      if (partition === undefined) continue;
      for (const baseOffset of baseOffsets) {
        this.options.telemetry.emit({
          kind: "segment",
          node: this.nodeId,
          topic: partition.topic,
          partition: partition.partition,
          action: "deleted",
          baseOffset,
        });
      }
      this.emitOffsets(partition);
    }
    for (const key of report.compactedRecords.keys()) {
      const partition = this.partitions.get(key);
      if (partition === undefined) continue;
      this.options.telemetry.emit({
        kind: "segment",
        node: this.nodeId,
        topic: partition.topic,
        partition: partition.partition,
        action: "cleaned",
        baseOffset: partition.log.logStartOffset,
      });
    }
  }

  /**
   * After an append: tell the page, and when the log rolled a new segment, say so and snapshot the producer
   * state, as Kafka does on every roll, so recovery replays at most the active segment. A
   * snapshot that cannot be written takes the log dir offline (callers check `log.isOffline`).
   */
  async afterAppend(
    partition: Partition,
    segmentsBefore: number,
    appended: { firstOffset: bigint; lastOffset: bigint },
    bytes: number,
  ): Promise<void> {
    this.options.telemetry.emit({
      kind: "records-appended",
      node: this.nodeId,
      topic: partition.topic,
      partition: partition.partition,
      baseOffset: appended.firstOffset,
      count: Number(appended.lastOffset - appended.firstOffset + 1n),
      bytes,
    });
    if (partition.log.segmentCount <= segmentsBefore) return;
    const baseOffset = partition.log.segmentInfos().at(-1)!.baseOffset;
    this.options.telemetry.emit({
      kind: "segment",
      node: this.nodeId,
      topic: partition.topic,
      partition: partition.partition,
      action: "rolled",
      baseOffset,
    });
    await this.guardStorage(() => partition.producers.takeSnapshot(partition.log.logEndOffset));
  }

  highWatermarkMoved(partition: Partition): void {
    this.emitOffsets(partition);
    this.partitionChanged(partition);
  }

  async checkpointHighWatermarks(): Promise<void> {
    const offsets = new Map<string, bigint>();
    for (const [key, partition] of this.partitions) offsets.set(key, partition.highWatermark);
    await writeOffsetCheckpoint(
      this.options.fs,
      `${this.options.logDir}/${HIGH_WATERMARK_CHECKPOINT}`,
      offsets,
    );
  }

  async shutdown(): Promise<void> {
    await this.metadataChain;
    await this.guardStorage(async () => {
      for (const partition of this.partitions.values()) {
        await partition.producers.takeSnapshot(partition.log.logEndOffset);
      }
      await this.checkpointHighWatermarks();
    });
    await this.options.logs.shutdown();
  }

  private brokerDefaults(): Map<string, string> {
    const defaults = new Map<string, string>();
    for (const definition of TOPIC_CONFIGS) {
      const synonym = definition.brokerSynonym;
      const value = synonym === undefined ? undefined : this.options.config.setValue(synonym);
      if (synonym !== undefined && value !== undefined) defaults.set(synonym, value);
    }
    return defaults;
  }

  private async reconcile(image: MetadataImage): Promise<void> {
    const now = this.options.clock.nowMs();
    const wanted = new Set<string>();
    for (const topic of image.topicsByName.values()) {
      for (const state of topic.partitions.values()) {
        if (!state.replicas.includes(this.nodeId)) continue;
        const key = partitionKey(topic.name, state.partition);
        wanted.add(key);
        let partition = this.partitions.get(key) ?? null;
        // The topic was deleted and made again under its name while this broker was behind
        // (both in one image): the partition is another one (KIP-516's topic ids), and the
        // old log with its records goes before the new one opens empty.
        if (partition !== null && partition.topicId !== topic.id) {
          await this.removePartition(key, partition);
          partition = null;
        }
        partition ??= await this.openPartitionIfOnline(topic.name, topic.id, state);
        // Its log dir is offline: Kafka marks the replica offline and serves nothing of it.
        if (partition === null) continue;
        partition.log.setConfig(logConfigOf(this.topicConfig(topic.name)));
        this.applyRole(partition, state, now);
      }
    }
    for (const [key, partition] of [...this.partitions]) {
      if (!wanted.has(key)) await this.removePartition(key, partition);
    }
  }

  /** A partition this broker no longer hosts: its waiters answered, its log deleted. */
  private async removePartition(key: string, partition: Partition): Promise<void> {
    this.partitions.delete(key);
    // A later partition of that name starts from its own HW, not this one's checkpoint.
    this.checkpointedHighWatermarks.delete(key);
    partition.role = "none";
    this.partitionChanged(partition);
    await this.options.logs.delete(partition.topic, partition.partition);
    this.emitRole(partition);
  }

  private applyRole(partition: Partition, state: PartitionImage, now: number): void {
    const before = {
      role: partition.role,
      leader: partition.leaderId,
      epoch: partition.leaderEpoch,
      isr: partition.isr.join(","),
    };
    if (state.leader === this.nodeId) partition.makeLeader(state, now);
    else if (
      before.role !== "follower" ||
      before.leader !== state.leader ||
      before.epoch !== state.leaderEpoch
    )
      partition.makeFollower(state);
    else partition.applyImage(state);
    const roleChanged =
      before.role !== partition.role ||
      before.leader !== partition.leaderId ||
      before.epoch !== partition.leaderEpoch;
    if (roleChanged) {
      this.emitRole(partition);
      for (const listener of this.roleListeners) listener(partition);
      this.partitionChanged(partition);
    }
    if (partition.role === "leader") {
      if (before.isr !== partition.isr.join(",")) {
        this.emitIsr(partition);
      }
      if (partition.maybeIncrementHighWatermark(now, this.replicaLagTimeMaxMs))
        this.highWatermarkMoved(partition);
      else this.partitionChanged(partition);
    }
  }

  private emitRole(partition: Partition): void {
    this.options.telemetry.emit({
      kind: "partition-role",
      node: this.nodeId,
      topic: partition.topic,
      partition: partition.partition,
      role: partition.role,
      leader: partition.leaderId,
      leaderEpoch: partition.leaderEpoch,
    });
  }

  /** Opens the partition, or null when storage fails (which takes the log dir offline). */
  private async openPartitionIfOnline(
    topic: string,
    topicId: string,
    state: PartitionImage,
  ): Promise<Partition | null> {
    if (this.logDirOffline !== null) return null;
    let opened: Partition | null = null;
    await this.guardStorage(async () => {
      opened = await this.openPartition(topic, topicId, state);
    });
    return opened;
  }

  private async openPartition(
    topic: string,
    topicId: string,
    state: PartitionImage,
  ): Promise<Partition> {
    const key = partitionKey(topic, state.partition);
    const log = await this.options.logs.getOrCreate(
      topic,
      state.partition,
      logConfigOf(this.topicConfig(topic)),
    );
    const producers = await ProducerStateManager.open({
      fs: this.options.fs,
      directory: partitionDirectory(this.options.logDir, topic, state.partition),
      producerIdExpirationMs: this.options.config.number("producer.id.expiration.ms"),
    });
    await producers.recover(log, this.options.clock.nowMs());
    const partition = new Partition(
      topic,
      state.partition,
      topicId,
      log,
      producers,
      this.checkpointedHighWatermarks.get(key) ?? 0n,
      this.nodeId,
      (brokerId) => this.isrEligible(brokerId),
    );
    this.partitions.set(key, partition);
    this.emitOffsets(partition);
    for (const { baseOffset } of log.segmentInfos()) {
      this.options.telemetry.emit({
        kind: "segment",
        node: this.nodeId,
        topic,
        partition: state.partition,
        action: "opened",
        baseOffset,
      });
    }
    return partition;
  }
}
