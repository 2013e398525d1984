/**
 * The production PartitionLog as the benchmark drives it: opened on a backend, appended to
 * with the prebuilt batch, read back whole as a consumer fetches, and removed.
 */
import type { FileSystem } from "../../src/log/fs/file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../src/log/log-config.ts";
import { PartitionLog } from "../../src/log/partition-log.ts";
import type { BenchBatch } from "./bench-batch.ts";
import { openBenchStorage, removeBenchStorage, type BenchBackend } from "./bench-storage.ts";

const PARTITION_DIRECTORY = "broker-1/bench-0";

/**
 * A task boundary, as a message to ourselves: setTimeout would be clamped to 4 ms once
 * nested, and one channel for the whole run keeps the boundary itself cheap (~15 µs).
 */
const taskBoundary = new MessageChannel();
let resumeAfterBoundary: (() => void) | null = null;
taskBoundary.port1.onmessage = () => {
  const resume = resumeAfterBoundary;
  resumeAfterBoundary = null;
  resume?.();
};

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    resumeAfterBoundary = resolve;
    taskBoundary.port2.postMessage(null);
  });
}

/** What a log throughput measurement reports, whatever the backend. */
export interface LogThroughputResult {
  appendedBytes: number;
  appendedRecords: number;
  appendSeconds: number;
  flushSeconds: number;
  readBytes: number;
  readSeconds: number;
}

export class BenchLog {
  appendedBytes = 0;
  appendedRecords = 0;

  private constructor(
    readonly backend: BenchBackend,
    readonly root: string,
    private readonly fs: FileSystem,
    readonly log: PartitionLog,
  ) {}

  static async open(backend: BenchBackend, root: string, segmentBytes: number): Promise<BenchLog> {
    const fs = await openBenchStorage(backend, root);
    const log = await PartitionLog.open({
      fs,
      directory: PARTITION_DIRECTORY,
      config: { ...KAFKA_DEFAULT_LOG_CONFIG, segmentBytes },
    });
    return new BenchLog(backend, root, fs, log);
  }

  /**
   * Appends `batch` until `bytes` more are in; returns the seconds it took. With
   * `yieldEveryAppends` > 0, returns to the event loop that often: a broker gets each
   * produce request as its own message, and IndexedDB writes behind in later tasks.
   */
  async append(
    batch: BenchBatch,
    bytes: number,
    yieldEveryAppends: number,
    nowMs: bigint,
  ): Promise<number> {
    const appends = Math.ceil(bytes / batch.bytes.length);
    const startedMs = performance.now();
    for (let index = 1; index <= appends; index++) {
      const appended = await this.log.appendAsLeader(batch.bytes, 0, nowMs);
      if (!appended.ok) throw new Error(`append ${index}: ${appended.message}`);
      if (yieldEveryAppends > 0 && index % yieldEveryAppends === 0) await yieldToEventLoop();
    }
    const seconds = (performance.now() - startedMs) / 1000;
    this.appendedBytes += appends * batch.bytes.length;
    this.appendedRecords += appends * batch.records;
    return seconds;
  }

  /** Flushes everything appended; returns the seconds it took. */
  async flush(): Promise<number> {
    const startedMs = performance.now();
    const flushed = await this.log.flush();
    if (!flushed.ok) throw new Error(`flush: ${flushed.message}`);
    return (performance.now() - startedMs) / 1000;
  }

  /** Reads the whole log from offset 0, `maxBytes` a fetch; returns bytes and seconds. */
  readAll(batch: BenchBatch, maxBytes: number): { bytes: number; seconds: number } {
    const startedMs = performance.now();
    let bytes = 0;
    let next = 0n;
    const end = this.log.logEndOffset;
    while (next < end) {
      const read = this.log.read(next, maxBytes);
      if (!read.ok) throw new Error(`read at ${next}: ${read.message}`);
      // Every batch is the same size, so the bytes say how many records came back.
      const batches = read.records.length / batch.bytes.length;
      if (!Number.isInteger(batches) || batches === 0) {
        throw new Error(`read at ${next} returned ${read.records.length} bytes: not whole batches`);
      }
      next += BigInt(batches * batch.records);
      bytes += read.records.length;
    }
    return { bytes, seconds: (performance.now() - startedMs) / 1000 };
  }

  /** Closes the log and removes everything it stored. */
  async remove(): Promise<void> {
    const closed = await this.log.close();
    if (!closed.ok) throw new Error(`close: ${closed.message}`);
    await removeBenchStorage(this.backend, this.root, this.fs);
  }
}
