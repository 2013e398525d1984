/**
 * Reads a partition log's records straight from storage, decoded: for the simulator's
 * checkers (do all replicas hold the same records?) and for debug views.
 */
import type { PartitionLog } from "../../log/partition-log.ts";
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import type { StoredRecord } from "./kafka-node-contract.ts";

const READ_CHUNK_BYTES = 1 << 20;

export function readStoredRecords(log: PartitionLog, from: bigint, to: bigint): StoredRecord[] {
  const records: StoredRecord[] = [];
  let next = from < log.logStartOffset ? log.logStartOffset : from;
  const end = to < log.logEndOffset ? to : log.logEndOffset;
  while (next < end) {
    const read = log.read(next, READ_CHUNK_BYTES, end);
    if (!read.ok || read.records.length === 0) break;
    const bytes = read.records.slice();
    let progressed = false;
    for (const entry of iterateRecordBatches(bytes, { verifyCrc: false })) {
      if (entry.kind !== "batch") break;
      const decoded = decodeRecordBatch(bytes, {
        position: entry.header.position,
        verifyCrc: false,
      });
      if (!decoded.ok) break;
      if (entry.header.isControl) {
        next = entry.header.lastOffset + 1n;
        progressed = true;
        continue;
      }
      for (const record of decoded.value.records) {
        if (record.offset < next || record.offset >= end) continue;
        records.push({
          offset: record.offset,
          leaderEpoch: entry.header.partitionLeaderEpoch,
          key: record.key?.slice() ?? null,
          value: record.value?.slice() ?? null,
        });
      }
      next = entry.header.lastOffset + 1n;
      progressed = true;
    }
    if (!progressed) break;
  }
  return records;
}
