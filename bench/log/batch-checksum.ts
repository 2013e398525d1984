/**
 * What checking one batch's CRC32C costs, alone: every append verifies it (as Kafka's
 * leader does), so this bounds how close appends can get to the raw write speed.
 */
import { computeRecordBatchCrc } from "../../src/protocol/records/batch-header.ts";
import type { BenchBatch } from "./bench-batch.ts";

export interface ChecksumResult {
  bytes: number;
  seconds: number;
}

export function measureBatchChecksum(batch: BenchBatch, totalBytes: number): ChecksumResult {
  const batches = Math.ceil(totalBytes / batch.bytes.length);
  let sink = 0;
  const startedMs = performance.now();
  for (let index = 0; index < batches; index++) {
    sink ^= computeRecordBatchCrc(batch.bytes, 0, batch.bytes.length);
  }
  const seconds = (performance.now() - startedMs) / 1000;
  // Using the result keeps the loop from being optimised away.
  if (sink === 0x5eed) console.debug("checksum sink", sink);
  return { bytes: batches * batch.bytes.length, seconds };
}
