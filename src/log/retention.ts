/**
 * Which segments retention deletes, as Kafka decides it: from the oldest, while a segment
 * lies wholly below the log start offset, or (with cleanup.policy=delete) its newest record
 * is older than retention.ms, or the log without it is still at least retention.bytes.
 * Never the active (last) segment, and never one after a segment that is kept.
 */
import type { LogConfig } from "./log-config.ts";

export interface RetentionCandidate {
  baseOffset: bigint;
  size: number;
  maxTimestamp: bigint;
}

/** How many of the oldest segments to delete. */
export function expiredSegmentCount(
  segments: readonly RetentionCandidate[],
  config: LogConfig,
  logStartOffset: bigint,
  nowMs: bigint,
): number {
  const deletePolicy = config.cleanupPolicy.includes("delete");
  const totalBytes = segments.reduce((sum, segment) => sum + segment.size, 0);
  let excessBytes = config.retentionBytes >= 0 ? totalBytes - config.retentionBytes : 0;
  let count = 0;
  for (; count < segments.length - 1; count++) {
    const segment = segments[count]!;
    const belowStart = segments[count + 1]!.baseOffset <= logStartOffset;
    const expired = deletePolicy && config.retentionMs >= 0 && nowMs - segment.maxTimestamp > BigInt(config.retentionMs);
    const oversize = deletePolicy && config.retentionBytes >= 0 && excessBytes >= segment.size;
    if (!belowStart && !expired && !oversize) break;
    excessBytes -= segment.size;
  }
  return count;
}
