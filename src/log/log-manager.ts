/**
 * A broker's log dir (`broker-<id>/`): every partition log in it, the dir-wide checkpoints
 * (recovery points, log start offsets), `meta.properties`, and the clean-shutdown marker
 * that lets a restart skip checking segments. Periodic work (retention, checkpoints) runs
 * from `tick(now)`, which the shell calls; the manager keeps no clock of its own.
 */
import {
  readMetaProperties,
  writeMetaProperties,
  type MetaProperties,
} from "./checkpoints/meta-properties.ts";
import {
  partitionKey,
  readOffsetCheckpoint,
  writeOffsetCheckpoint,
} from "./checkpoints/offset-checkpoints.ts";
import { StorageError, type FileSystem } from "./fs/file-system.ts";
import type { LogConfig } from "./log-config.ts";
import { PartitionLog } from "./partition-log.ts";
import { partitionDirectory } from "./segment-files.ts";

export const CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";
/** KRaft's metadata topic: its one partition lives in the log dir but is not a data log. */
export const METADATA_TOPIC = "__cluster_metadata";
export const RECOVERY_POINT_CHECKPOINT = "recovery-point-offset-checkpoint";
export const LOG_START_OFFSET_CHECKPOINT = "log-start-offset-checkpoint";
export const CLEANER_OFFSET_CHECKPOINT = "cleaner-offset-checkpoint";

export interface LogManagerOptions {
  fs: FileSystem;
  /** The log dir, e.g. "broker-1". */
  logDir: string;
  nodeId: number;
  clusterId: string;
  /** A Kafka Uuid for a new log dir (the shell makes it: the core has no randomness). */
  newDirectoryId: string;
  /** The config each existing partition is opened with until the broker knows better. */
  configFor: (topic: string, partition: number) => LogConfig;
  /** log.retention.check.interval.ms */
  retentionCheckIntervalMs?: number;
  /** log.flush.offset.checkpoint.interval.ms */
  checkpointIntervalMs?: number;
  /** log.cleaner.backoff.ms: how often compacted logs are looked at. */
  cleanerBackoffMs?: number;
}

export interface TickReport {
  /** Segments retention deleted, by partition ("topic-partition"). */
  deletedSegments: Map<string, bigint[]>;
  /** Records compaction removed, by partition. */
  compactedRecords: Map<string, number>;
}

/** `<topic>-<partition>`: the topic may itself contain '-', so split at the last one. */
export function parsePartitionDirectory(name: string): { topic: string; partition: number } | null {
  const dash = name.lastIndexOf("-");
  if (dash <= 0) return null;
  const partition = name.slice(dash + 1);
  if (!/^\d+$/.test(partition)) return null;
  return { topic: name.slice(0, dash), partition: Number(partition) };
}

export class LogManager {
  private readonly logs = new Map<string, PartitionLog>();
  private lastRetentionCheckMs: bigint | null = null;
  private lastCheckpointMs: bigint | null = null;
  private lastCleanMs: bigint | null = null;
  /** Where each compacted log's dirty part begins (cleaner-offset-checkpoint). */
  private cleanerOffsets = new Map<string, bigint>();
  private offlineReason: string | null = null;
  private readonly offlineListeners: ((reason: string) => void)[] = [];

  private constructor(
    private readonly options: LogManagerOptions,
    readonly meta: MetaProperties,
    /** Whether the previous run ended with a clean shutdown (no segments were checked). */
    readonly wasCleanShutdown: boolean,
  ) {}

  static async open(options: LogManagerOptions): Promise<LogManager> {
    const { fs, logDir } = options;
    await fs.mkdir(logDir);
    const metaPath = `${logDir}/meta.properties`;
    let meta = await readMetaProperties(fs, metaPath);
    if (meta === null) {
      meta = {
        version: 1,
        nodeId: options.nodeId,
        clusterId: options.clusterId,
        directoryId: options.newDirectoryId,
      };
      await writeMetaProperties(fs, metaPath, meta);
    } else if (meta.nodeId !== options.nodeId || meta.clusterId !== options.clusterId) {
      throw new Error(
        `${logDir} belongs to node ${meta.nodeId} of cluster ${meta.clusterId}, not node ${options.nodeId} of ${options.clusterId}`,
      );
    }
    const markerPath = `${logDir}/${CLEAN_SHUTDOWN_FILE}`;
    const cleanShutdown = await fs.exists(markerPath);
    const recoveryPoints = await readOffsetCheckpoint(fs, `${logDir}/${RECOVERY_POINT_CHECKPOINT}`);
    const logStartOffsets = await readOffsetCheckpoint(
      fs,
      `${logDir}/${LOG_START_OFFSET_CHECKPOINT}`,
    );
    const manager = new LogManager(options, meta, cleanShutdown);
    manager.cleanerOffsets = await readOffsetCheckpoint(
      fs,
      `${logDir}/${CLEANER_OFFSET_CHECKPOINT}`,
    );
    for (const name of await fs.list(logDir)) {
      const parsed = parsePartitionDirectory(name);
      // The metadata log belongs to the Raft quorum, which opens it itself (as in Kafka).
      if (parsed === null || parsed.topic === METADATA_TOPIC) continue;
      const key = partitionKey(parsed.topic, parsed.partition);
      const log = await PartitionLog.open({
        fs,
        directory: partitionDirectory(logDir, parsed.topic, parsed.partition),
        config: options.configFor(parsed.topic, parsed.partition),
        recoveryPoint: recoveryPoints.get(key) ?? 0n,
        logStartOffset: logStartOffsets.get(key),
        cleanShutdown,
        onStorageError: (reason) => manager.failLogDir(reason),
      });
      manager.logs.set(key, log);
    }
    // From here on a crash must not be mistaken for a clean stop.
    if (cleanShutdown) await fs.delete(markerPath);
    await manager.checkpoint();
    return manager;
  }

  /** Null while the log dir works; once storage fails, why (Kafka takes the dir offline). */
  get offline(): string | null {
    return this.offlineReason;
  }

  /**
   * A storage failure under any log, or in the dir's own files (checkpoints, producer
   * snapshots), takes every log in the dir offline, as Kafka's LogDirFailureChannel does;
   * the listeners hear of it once. The dir stays offline until the broker restarts.
   */
  failLogDir(reason: string): void {
    if (this.offlineReason !== null) return;
    this.offlineReason = reason;
    for (const log of this.logs.values()) log.takeOffline(reason);
    for (const listener of this.offlineListeners) listener(reason);
  }

  /** `listener` runs once, when the log dir goes offline. */
  onOffline(listener: (reason: string) => void): void {
    this.offlineListeners.push(listener);
  }

  /**
   * Runs a write to the dir's own files: a StorageError takes the dir offline (and is
   * swallowed, like Kafka's checkpoint writers); anything else is a bug and throws.
   */
  async guardStorage(work: () => Promise<void>): Promise<void> {
    if (this.offlineReason !== null) return;
    try {
      await work();
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      this.failLogDir(error.message);
    }
  }

  get(topic: string, partition: number): PartitionLog | undefined {
    return this.logs.get(partitionKey(topic, partition));
  }

  all(): ReadonlyMap<string, PartitionLog> {
    return this.logs;
  }

  /**
   * The partition's log, opened or created. Rejects with a StorageError when the dir is
   * offline or fails now (which takes it offline): Kafka's "Can't create log ... log
   * directory is offline".
   */
  async getOrCreate(topic: string, partition: number, config: LogConfig): Promise<PartitionLog> {
    const existing = this.get(topic, partition);
    if (existing !== undefined) return existing;
    const directory = partitionDirectory(this.options.logDir, topic, partition);
    if (this.offlineReason !== null)
      throw new StorageError(
        "io-error",
        directory,
        `the log dir is offline: ${this.offlineReason}`,
      );
    let log: PartitionLog;
    try {
      log = await PartitionLog.open({
        fs: this.options.fs,
        directory,
        config,
        onStorageError: (reason) => this.failLogDir(reason),
      });
    } catch (error) {
      if (error instanceof StorageError) this.failLogDir(error.message);
      throw error;
    }
    this.logs.set(partitionKey(topic, partition), log);
    return log;
  }

  /** Close and remove a partition's log (topic deleted, or replica moved away). */
  async delete(topic: string, partition: number): Promise<void> {
    const key = partitionKey(topic, partition);
    const log = this.logs.get(key);
    if (log === undefined) return;
    this.logs.delete(key);
    await this.guardStorage(async () => {
      await log.close();
      await this.options.fs.delete(log.directory);
    });
    await this.checkpoint();
  }

  /** Write every log's recovery point and log start offset (a failure takes the dir offline). */
  checkpoint(): Promise<void> {
    return this.guardStorage(() => this.writeCheckpoints());
  }

  private async writeCheckpoints(): Promise<void> {
    const recovery = new Map<string, bigint>();
    const starts = new Map<string, bigint>();
    for (const [key, log] of this.logs) {
      if (log.isOffline) continue;
      recovery.set(key, log.recoveryPoint);
      starts.set(key, log.logStartOffset);
    }
    const { fs, logDir } = this.options;
    await writeOffsetCheckpoint(fs, `${logDir}/${RECOVERY_POINT_CHECKPOINT}`, recovery);
    await writeOffsetCheckpoint(fs, `${logDir}/${LOG_START_OFFSET_CHECKPOINT}`, starts);
    const cleaned = new Map([...this.cleanerOffsets].filter(([key]) => this.logs.has(key)));
    await writeOffsetCheckpoint(fs, `${logDir}/${CLEANER_OFFSET_CHECKPOINT}`, cleaned);
  }

  /**
   * Periodic work: retention every `log.retention.check.interval.ms` (default 300000),
   * compaction every `log.cleaner.backoff.ms` (default 15000), checkpoints every
   * `log.flush.offset.checkpoint.interval.ms` (default 60000).
   */
  async tick(nowMs: bigint): Promise<TickReport> {
    const report: TickReport = { deletedSegments: new Map(), compactedRecords: new Map() };
    // An offline dir is left alone: Kafka stops its cleaner and checkpoints.
    if (this.offlineReason !== null) return report;
    const due = (last: bigint | null, everyMs: number) =>
      last === null || nowMs - last >= BigInt(everyMs);
    if (due(this.lastRetentionCheckMs, this.options.retentionCheckIntervalMs ?? 300_000)) {
      this.lastRetentionCheckMs = nowMs;
      for (const [key, log] of this.logs) {
        const result = await log.deleteOldSegments(nowMs);
        if (result.ok && result.deleted.length > 0) report.deletedSegments.set(key, result.deleted);
      }
    }
    if (due(this.lastCleanMs, this.options.cleanerBackoffMs ?? 15_000)) {
      this.lastCleanMs = nowMs;
      for (const [key, log] of this.logs) {
        const result = await log.compact(nowMs, this.cleanerOffsets.get(key) ?? 0n);
        if (!result.ok || !result.cleaned) continue;
        this.cleanerOffsets.set(key, result.firstDirtyOffset);
        report.compactedRecords.set(key, result.recordsRemoved);
      }
    }
    const changed = report.deletedSegments.size > 0 || report.compactedRecords.size > 0;
    if (changed || due(this.lastCheckpointMs, this.options.checkpointIntervalMs ?? 60_000)) {
      this.lastCheckpointMs = nowMs;
      await this.checkpoint();
    }
    return report;
  }

  /**
   * A clean stop: close every log, checkpoint, and leave the clean-shutdown marker. An
   * offline dir gets no marker (its logs are checked on the next start), and a failure now
   * leaves none either.
   */
  async shutdown(): Promise<void> {
    await this.guardStorage(async () => {
      for (const log of this.logs.values()) await log.close();
    });
    await this.checkpoint();
    await this.guardStorage(async () => {
      const marker = await this.options.fs.open(`${this.options.logDir}/${CLEAN_SHUTDOWN_FILE}`, {
        create: true,
      });
      await marker.close();
    });
  }
}
