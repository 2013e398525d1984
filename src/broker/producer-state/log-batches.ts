/**
 * Walks the batch headers of a partition log between two offsets, as producer state
 * recovery does (Kafka's loadProducersFromRecords over the segments past the snapshot).
 */
import type { RecordBatchHeader } from "../../protocol/records/batch-header.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import { StorageError } from "../../log/fs/file-system.ts";
import type { PartitionLog } from "../../log/partition-log.ts";

/** What producer state needs of a partition log. */
export type ProducerStateLog = Pick<
  PartitionLog,
  "directory" | "logStartOffset" | "logEndOffset" | "read"
>;

/** Bytes per read while replaying: the log answers whole batches, at least one. */
const REPLAY_READ_BYTES = 1 << 20;

/**
 * Calls `visit` for every batch holding offsets in [from, to), in order. `bytes` is the
 * log's read buffer, valid only during the call. A log that cannot be read (its directory
 * went offline) throws a StorageError, as the file system itself would.
 */
export function forEachLogBatch(
  log: ProducerStateLog,
  from: bigint,
  to: bigint,
  visit: (header: RecordBatchHeader, bytes: Uint8Array) => void,
): void {
  let next = from;
  while (next < to) {
    const read = log.read(next, REPLAY_READ_BYTES, to);
    if (!read.ok) throw new StorageError("io-error", log.directory, read.message);
    const before = next;
    // The log checked these batches when it wrote or recovered them.
    for (const entry of iterateRecordBatches(read.records, { verifyCrc: false })) {
      if (entry.kind !== "batch") break;
      const header = entry.header;
      if (header.lastOffset < next) continue;
      visit(header, read.records);
      next = header.lastOffset + 1n;
    }
    if (next === before) return; // nothing more below `to`
  }
}
