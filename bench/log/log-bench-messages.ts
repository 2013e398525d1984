/** What bench/log/main.ts asks the benchmark worker, and what it answers. */
import type { FailedResponse } from "../../src/runtime/web-worker/testing/worker-requests.ts";
import type { ChecksumResult } from "./batch-checksum.ts";
import type {
  IndexedDbThroughputOptions,
  IndexedDbThroughputResult,
} from "./indexeddb-throughput.ts";
import type { RecoveryResult, WrittenForRecovery } from "./log-recovery.ts";
import type { PairedAppendOptions, PairedAppendResult } from "./opfs-append-paired.ts";

export interface BatchShape {
  batchBytesMax: number;
  valueBytes: number;
}

export type LogBenchRequest =
  | { command: "environment"; batch: BatchShape }
  | { command: "batch-checksum"; batch: BatchShape; totalBytes: number }
  | { command: "opfs-append-paired"; batch: BatchShape; options: PairedAppendOptions }
  | { command: "indexeddb-throughput"; batch: BatchShape; options: IndexedDbThroughputOptions }
  | {
      command: "write-log-for-recovery";
      batch: BatchShape;
      root: string;
      totalBytes: number;
      segmentBytes: number;
    }
  | { command: "time-recovery"; root: string; segmentBytes: number };

export interface WorkerEnvironment {
  userAgent: string;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  batchBytes: number;
  recordsPerBatch: number;
}

export type LogBenchResponse =
  | ({ command: "environment" } & WorkerEnvironment)
  | ({ command: "batch-checksum" } & ChecksumResult)
  | ({ command: "opfs-append-paired" } & PairedAppendResult)
  | ({ command: "indexeddb-throughput" } & IndexedDbThroughputResult)
  | ({ command: "write-log-for-recovery" } & WrittenForRecovery)
  | ({ command: "time-recovery" } & RecoveryResult)
  | FailedResponse;
