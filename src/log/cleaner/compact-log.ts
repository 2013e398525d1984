/**
 * Log compaction (cleanup.policy=compact), as Kafka's cleaner does it: find the dirty part
 * of the log (from the cleaner's checkpoint to the first uncleanable offset: the active
 * segment, or the first segment younger than min.compaction.lag.ms); when it is at least
 * min.cleanable.dirty.ratio of the cleanable log, map every key in it to its latest offset
 * and rewrite each cleanable segment keeping only the latest record per key.
 */
import { concatBytes } from "../../protocol/primitives/bytes.ts";
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import type { FileSystem } from "../fs/file-system.ts";
import type { LogConfig } from "../log-config.ts";
import type { LogSegment } from "../log-segment.ts";
import { cleanBatch } from "./clean-batch.ts";
import { OffsetMap } from "./offset-map.ts";
import { swapInCleanedSegment } from "./segment-swap.ts";

export interface CompactionResult {
  /** Where the next cleaning starts (the new cleaner checkpoint); unchanged if none ran. */
  firstDirtyOffset: bigint;
  cleaned: boolean;
  recordsRemoved: number;
  dirtyRatio: number;
}

/** The first offset the cleaner may not touch. */
export function firstUncleanableOffset(segments: readonly LogSegment[], config: LogConfig, nowMs: bigint): bigint {
  const active = segments.at(-1)!;
  const lag = BigInt(config.minCompactionLagMs);
  const young = segments.find((s) => s !== active && lag > 0n && s.maxTimestamp > nowMs - lag);
  return (young ?? active).baseOffset;
}

export async function compactLog(
  fs: FileSystem,
  directory: string,
  segments: LogSegment[],
  config: LogConfig,
  firstDirty: bigint,
  nowMs: bigint,
): Promise<CompactionResult> {
  const uncleanable = firstUncleanableOffset(segments, config, nowMs);
  const cleanable = segments.filter((s) => s.baseOffset < uncleanable);
  const dirtySegments = cleanable.filter((s) => s.nextOffset > firstDirty);
  const dirtyBytes = dirtySegments.reduce((sum, s) => sum + s.size, 0);
  const totalBytes = cleanable.reduce((sum, s) => sum + s.size, 0);
  const dirtyRatio = totalBytes === 0 ? 0 : dirtyBytes / totalBytes;
  const idle = { firstDirtyOffset: firstDirty, cleaned: false, recordsRemoved: 0, dirtyRatio };
  if (dirtyBytes === 0 || dirtyRatio < config.minCleanableDirtyRatio) return idle;

  const map = new OffsetMap();
  for (const segment of dirtySegments) {
    for (const { bytes } of segment.batchesFrom(0)) {
      const decoded = decodeRecordBatch(bytes);
      if (!decoded.ok) break; // recovery has already cut damage; stop at anything odd
      for (const record of decoded.value.records) {
        const key = record.key;
        if (key !== null && record.offset >= firstDirty) map.put(key, record.offset);
      }
    }
  }

  let recordsRemoved = 0;
  for (const segment of cleanable) {
    const parts: Uint8Array[] = [];
    let changed = false;
    for (const { bytes } of segment.batchesFrom(0)) {
      const decoded = decodeRecordBatch(bytes);
      if (!decoded.ok) {
        parts.push(bytes.slice());
        continue;
      }
      const result = cleanBatch(decoded.value, bytes, map, nowMs, config.deleteRetentionMs);
      recordsRemoved += result.recordsRemoved;
      if (result.bytes !== bytes) changed = true;
      if (result.bytes !== null) parts.push(result.bytes === bytes ? bytes.slice() : result.bytes);
    }
    if (!changed) continue;
    const cleanedBytes = concatBytes(parts);
    const index = segments.indexOf(segment);
    segments[index] = await swapInCleanedSegment(fs, directory, segment, cleanedBytes, config);
  }
  return { firstDirtyOffset: uncleanable, cleaned: true, recordsRemoved, dirtyRatio };
}
