/**
 * The log benchmark's dedicated worker (OPFS sync access handles exist only in dedicated
 * workers): runs one measurement per request on the production code. Bundled and driven
 * by bench/chromium-runner.ts for bench/log/main.ts.
 */
import { answerRequests } from "../../src/runtime/web-worker/testing/worker-requests.ts";
import { buildBenchBatch, type BenchBatch } from "./bench-batch.ts";
import { measureBatchChecksum } from "./batch-checksum.ts";
import type { BatchShape, LogBenchRequest, LogBenchResponse } from "./log-bench-messages.ts";
import { measureIndexedDbThroughput } from "./indexeddb-throughput.ts";
import { timeRecovery, writeLogForRecovery } from "./log-recovery.ts";
import { measurePairedOpfsAppend } from "./opfs-append-paired.ts";

/** Every append of one run shares one timestamp, so the batch is built once per shape. */
const BATCH_TIMESTAMP_MS = BigInt(Date.now());
const batches = new Map<string, BenchBatch>();

function batchOf(shape: BatchShape): BenchBatch {
  const key = `${shape.batchBytesMax}/${shape.valueBytes}`;
  let batch = batches.get(key);
  if (batch === undefined) {
    batch = buildBenchBatch(shape.batchBytesMax, shape.valueBytes, BATCH_TIMESTAMP_MS);
    batches.set(key, batch);
  }
  return batch;
}

async function answer(request: LogBenchRequest): Promise<LogBenchResponse> {
  switch (request.command) {
    case "environment": {
      const batch = batchOf(request.batch);
      return {
        command: "environment",
        userAgent: navigator.userAgent,
        crossOriginIsolated: self.crossOriginIsolated,
        hardwareConcurrency: navigator.hardwareConcurrency,
        batchBytes: batch.bytes.length,
        recordsPerBatch: batch.records,
      };
    }
    case "batch-checksum":
      return {
        command: "batch-checksum",
        ...measureBatchChecksum(batchOf(request.batch), request.totalBytes),
      };
    case "opfs-append-paired":
      return {
        command: "opfs-append-paired",
        ...(await measurePairedOpfsAppend(batchOf(request.batch), request.options)),
      };
    case "indexeddb-throughput":
      return {
        command: "indexeddb-throughput",
        ...(await measureIndexedDbThroughput(batchOf(request.batch), request.options)),
      };
    case "write-log-for-recovery":
      return {
        command: "write-log-for-recovery",
        ...(await writeLogForRecovery(
          batchOf(request.batch),
          request.root,
          request.totalBytes,
          request.segmentBytes,
        )),
      };
    case "time-recovery":
      return {
        command: "time-recovery",
        ...(await timeRecovery(request.root, request.segmentBytes)),
      };
  }
}

answerRequests(answer);
