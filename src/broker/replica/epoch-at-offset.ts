/** The leader epoch the record at `offset` was written in, from the log's epoch cache (-1 if unknown). */
import type { PartitionLog } from "../../log/partition-log.ts";

export function epochAtOffset(log: PartitionLog, offset: bigint): number {
  let epoch = -1;
  for (const entry of log.epochs.all()) {
    if (entry.startOffset > offset) break;
    epoch = entry.epoch;
  }
  return epoch;
}
