/**
 * Hands committed records to the state machine: every non-control record below the high
 * watermark, exactly once per listener, in offset order, one call per batch. Each listener
 * has its own position, so one that registers late (or after a restart) is replayed from
 * the start of the log, as Kafka's RaftClient.Listener is.
 */
import { decodeRecordBatch } from "../../protocol/records/record-batch.ts";
import type { RaftLog } from "./raft-log.ts";

export interface CommittedRecord {
  offset: bigint;
  value: Uint8Array;
}

export type CommitListener = (records: CommittedRecord[]) => void;

/** How much log one read brings in while catching a listener up. */
const READ_BYTES = 1024 * 1024;

interface ListenerPosition {
  listener: CommitListener;
  nextOffset: bigint;
}

export class CommitDelivery {
  private readonly positions: ListenerPosition[] = [];

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  add(listener: CommitListener): void {
    this.positions.push({ listener, nextOffset: 0n });
  }

  /** Deliver everything below `highWatermark` that each listener has not seen. */
  deliver(log: RaftLog, highWatermark: bigint): void {
    for (const position of this.positions) this.catchUp(position, log, highWatermark);
  }

  private catchUp(position: ListenerPosition, log: RaftLog, highWatermark: bigint): void {
    if (position.nextOffset < log.startOffset) position.nextOffset = log.startOffset;
    while (position.nextOffset < highWatermark) {
      const read = log.read(position.nextOffset, READ_BYTES, highWatermark);
      if (!read.ok || read.records.length === 0) return;
      let at = 0;
      while (at < read.records.length && position.nextOffset < highWatermark) {
        const decoded = decodeRecordBatch(read.records, { position: at });
        if (!decoded.ok) return; // a torn tail is not committed; nothing after it can be read
        const { header, records } = decoded.value;
        at += header.sizeInBytes;
        const delivered: CommittedRecord[] = [];
        for (const record of records) {
          const offset = record.offset;
          if (offset < position.nextOffset || offset >= highWatermark) continue;
          delivered.push({ offset, value: record.value?.slice() ?? new Uint8Array(0) });
        }
        const end = header.lastOffset + 1n;
        position.nextOffset = end < highWatermark ? end : highWatermark;
        if (!header.isControl && delivered.length > 0) this.call(position.listener, delivered);
      }
    }
  }

  private call(listener: CommitListener, records: CommittedRecord[]): void {
    try {
      listener(records);
    } catch (error) {
      // The state machine's bug must not stop replication: report it and go on.
      this.onListenerError(error);
    }
  }
}
