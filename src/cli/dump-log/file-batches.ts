/**
 * The batches of a segment file read straight from storage, a window at a time, by their
 * headers (protocol/records' scanner): what Kafka's FileRecords.batches() gives
 * DumpLogSegments. A window holds whole batches; one bigger than the window gets a window
 * of its own. The walk stops at a torn tail (the bytes end inside a batch) or a batch that
 * cannot be one.
 */
import type { StorageFile } from "../../log/fs/file-system.ts";
import {
  LOG_OVERHEAD_BYTES,
  iterateRecordBatches,
  type RecordBatchHeader,
  type RecordBatchScanEntry,
} from "../../protocol/records/record-batch.ts";

/** Bytes read at once: plenty of batches per read, and a bound on memory. */
const WINDOW_BYTES = 1 << 20;

export interface FileBatch {
  kind: "batch";
  /** Positions in `header` are into `bytes`; the batch's place in the file is `filePosition`. */
  header: RecordBatchHeader;
  bytes: Uint8Array;
  filePosition: number;
}

export type FileBatchProblem = Extract<RecordBatchScanEntry, { kind: "torn-tail" | "corrupt" }> & {
  filePosition: number;
};

/** A batch's total size from its length field, when its first 12 bytes are in `bytes` at `position`. */
function declaredBatchSize(bytes: Uint8Array, position: number): number | null {
  if (bytes.length - position < LOG_OVERHEAD_BYTES) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + position, LOG_OVERHEAD_BYTES);
  return LOG_OVERHEAD_BYTES + view.getInt32(8);
}

/** Batches from `start` up to `end` (exclusive) of `file`; the last entry may be the problem that stopped the walk. */
export function* fileBatches(
  file: StorageFile,
  start: number,
  end: number,
): Generator<FileBatch | FileBatchProblem> {
  let position = start;
  let windowBytes = WINDOW_BYTES;
  while (position < end) {
    const bytes = file.read(position, Math.min(windowBytes, end - position));
    windowBytes = WINDOW_BYTES;
    let consumed = 0;
    let problem: Extract<RecordBatchScanEntry, { kind: "torn-tail" | "corrupt" }> | null = null;
    for (const entry of iterateRecordBatches(bytes, { verifyCrc: false })) {
      if (entry.kind !== "batch") {
        problem = entry;
        break;
      }
      yield {
        kind: "batch",
        header: entry.header,
        bytes,
        filePosition: position + entry.header.position,
      };
      consumed = entry.header.position + entry.header.sizeInBytes;
    }
    const windowEnd = position + bytes.length;
    if (problem !== null && problem.kind === "torn-tail" && windowEnd < end) {
      // The window ends inside a batch but the file goes on: read on from that batch, in a
      // window of its own size when it is bigger than a window.
      const needed = declaredBatchSize(bytes, problem.position);
      if (consumed === 0 && needed !== null) windowBytes = needed;
      if (consumed > 0 || needed !== null) {
        position += consumed;
        continue;
      }
    }
    if (problem !== null) {
      yield { ...problem, filePosition: position + problem.position };
      return;
    }
    position += consumed;
  }
}
