/** What lesson 12 asks of a partition's records as read back from the log. */
import type { PartitionRead } from "./log-reader.ts";

/**
 * Offsets between the log start and the HW that hold no record: what compaction removed
 * (a topic without transactions has no other holes).
 */
export function missingOffsets(read: PartitionRead): number {
  const span = read.highWatermark - Math.max(0, read.logStartOffset);
  return Math.max(0, span - read.records.length);
}

export interface KeyRecords {
  values: number;
  tombstones: number;
}

/** How many records with a value, and how many tombstones, the log holds for `key`. */
export function recordsOfKey(read: PartitionRead, key: string): KeyRecords {
  let values = 0;
  let tombstones = 0;
  for (const record of read.records) {
    if (record.key !== key) continue;
    if (record.value === null) tombstones += 1;
    else values += 1;
  }
  return { values, tombstones };
}
