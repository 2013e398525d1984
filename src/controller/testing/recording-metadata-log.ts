/**
 * A MetadataLog for tests: appends go to an array at consecutive offsets (each record
 * round-trips through Kafka's metadata encoding, so a record the codec cannot write fails
 * the test), and offsets commit when the test says so — or at once with `autoCommit`.
 * `loseLeadership` rejects every wait, as the Raft log does when this node stops leading.
 */
import { MetadataImage } from "../../metadata/metadata-image.ts";
import {
  decodeMetadataRecord,
  encodeMetadataRecord,
  type MetadataRecord,
} from "../../metadata/metadata-record.ts";
import type { MetadataLog } from "../metadata-log.ts";

interface Waiter {
  offset: bigint;
  resolve(): void;
  reject(error: Error): void;
}

export class RecordingMetadataLog implements MetadataLog {
  readonly entries: { offset: bigint; record: MetadataRecord }[] = [];
  committedOffset: bigint;
  autoCommit: boolean;
  /** When set, appends are refused as a log that lost leadership refuses them. */
  refuseAppends = false;
  private nextOffset: bigint;
  private waiters: Waiter[] = [];

  constructor(options: { autoCommit?: boolean; firstOffset?: bigint } = {}) {
    this.autoCommit = options.autoCommit ?? true;
    this.nextOffset = options.firstOffset ?? 0n;
    this.committedOffset = this.nextOffset - 1n;
  }

  append(records: MetadataRecord[]): Promise<bigint> {
    if (this.refuseAppends) return Promise.reject(new Error("not the leader"));
    for (const record of records) {
      const decoded = decodeMetadataRecord(encodeMetadataRecord(record));
      if (!decoded.ok) throw new Error(`record does not round-trip: ${decoded.reason}`);
      this.entries.push({ offset: this.nextOffset++, record: decoded.record });
    }
    const last = this.nextOffset - 1n;
    if (this.autoCommit) this.commit(last);
    return Promise.resolve(last);
  }

  committed(offset: bigint): Promise<void> {
    if (offset <= this.committedOffset) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ offset, resolve, reject }));
  }

  /** Commit up to `offset` (default: everything appended). */
  commit(offset: bigint = this.nextOffset - 1n): void {
    this.committedOffset = offset > this.committedOffset ? offset : this.committedOffset;
    const ready = this.waiters.filter((waiter) => waiter.offset <= this.committedOffset);
    this.waiters = this.waiters.filter((waiter) => waiter.offset > this.committedOffset);
    for (const waiter of ready) waiter.resolve();
  }

  loseLeadership(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) waiter.reject(new Error("leadership lost"));
  }

  records(): MetadataRecord[] {
    return this.entries.map((entry) => entry.record);
  }

  recordsSince(offset: bigint): MetadataRecord[] {
    return this.entries.filter((entry) => entry.offset >= offset).map((entry) => entry.record);
  }

  get endOffset(): bigint {
    return this.nextOffset;
  }

  /** A fresh image that replayed every appended record, as a follower would. */
  replay(base: MetadataImage = new MetadataImage()): MetadataImage {
    for (const { offset, record } of this.entries)
      if (offset > base.offset) base.apply(record, offset);
    return base;
  }
}
