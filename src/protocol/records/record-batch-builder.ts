/**
 * Kafka's MemoryRecordsBuilder, as the producer uses it: each record is laid out in the
 * records section the moment it is appended, in one buffer that keeps the 61 bytes of the
 * batch header free in front. `build` then writes the header and the CRC32C — and, for a
 * compressed batch, compresses the records section, once. So the producer never keeps
 * records as objects, and an uncompressed batch leaves as a view of that same buffer,
 * without a copy. Building again (a retry, maybe with a new producer epoch and sequence
 * after an epoch bump) rewrites only the header.
 *
 * The bytes are exactly encodeRecordBatch's for the same records (the tests check it).
 */
import { writeBatchHeader } from "./batch-header-writer.ts";
import type { CompressionType } from "./attributes.ts";
import { NO_PARTITION_LEADER_EPOCH, NO_TIMESTAMP, RECORDS_POSITION } from "./batch-layout.ts";
import { compressionCodec } from "./compression/codecs.ts";
import { batchFailure, type RecordBatchResult } from "./record-batch-error.ts";
import type { RecordHeader } from "./record-batch-input.ts";
import {
  writeNullableBytes,
  writeString,
  writeUnsignedVarlongNumber,
  writeVarint,
  writeVarlongBigint,
} from "./record-bytes-writer.ts";
import {
  sizeOfUnsignedVarlongNumber,
  sizeOfVarint,
  sizeOfVarlongBigint,
  utf8Length,
  zigZagNumber,
} from "./varint-size.ts";

/**
 * Milliseconds since the epoch: a number when it is a safe integer (every realistic
 * timestamp), a bigint otherwise (Kafka's timestamps are any int64).
 */
export type RecordTimestamp = number | bigint;

/** The header fields a producer sets, which may change between builds of the same batch. */
export interface BatchHeaderFields {
  compression: CompressionType;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
}

/** Deltas this small are exact as numbers, zig-zagged included. */
const EXACT_DELTA_LIMIT = 2 ** 51;

/** Kafka's DefaultRecord.sizeInBytes for the body after the length prefix, without the timestamp delta. */
function bodyBytesWithoutTimestamp(
  offsetDelta: number,
  key: Uint8Array | null,
  value: Uint8Array | null,
  headers: readonly RecordHeader[],
): number {
  let body = 1 + sizeOfVarint(offsetDelta); // attributes, offset delta
  body += key === null ? 1 : sizeOfVarint(key.length) + key.length;
  body += value === null ? 1 : sizeOfVarint(value.length) + value.length;
  if (headers.length === 0) return body + 1;
  body += sizeOfVarint(headers.length);
  for (const header of headers) {
    const keyBytes = utf8Length(header.key);
    body += sizeOfVarint(keyBytes) + keyBytes;
    body += header.value === null ? 1 : sizeOfVarint(header.value.length) + header.value.length;
  }
  return body;
}

/** A record's bytes in a batch, length prefix included (Kafka's DefaultRecord.sizeInBytes). */
export function recordSizeInBytes(
  offsetDelta: number,
  timestampDelta: number,
  key: Uint8Array | null,
  value: Uint8Array | null,
  headers: readonly RecordHeader[],
): number {
  const body =
    bodyBytesWithoutTimestamp(offsetDelta, key, value, headers) +
    sizeOfUnsignedVarlongNumber(zigZagNumber(timestampDelta));
  return sizeOfVarint(body) + body;
}

export class RecordBatchBuilder {
  private buffer: Uint8Array;
  private position = RECORDS_POSITION;
  private count = 0;
  /** The first record's timestamp (the batch's baseTimestamp) while it is a safe integer. */
  private baseNumber = 0;
  /** The first record's timestamp when it is not. */
  private baseWide: bigint | null = null;
  /** As Kafka's MemoryRecordsBuilder, the maximum starts at NO_TIMESTAMP (-1). */
  private maxNumber = -1;
  private maxWide = NO_TIMESTAMP;
  private built = false;
  private compressed: { compression: CompressionType; bytes: Uint8Array } | null = null;

  /**
   * Lays the batch out in `buffer` (what the whole batch may take, header included; a
   * larger one replaces it if a record needs more), or in a new buffer of `buffer` bytes.
   */
  constructor(buffer: Uint8Array | number) {
    this.buffer =
      typeof buffer === "number" || buffer.length < RECORDS_POSITION
        ? new Uint8Array(Math.max(typeof buffer === "number" ? buffer : 0, RECORDS_POSITION))
        : buffer;
  }

  /**
   * The buffer the batch is laid out in, for reuse once the batch's bytes are no longer
   * needed (the builder must not be used after).
   */
  get underlyingBuffer(): Uint8Array {
    return this.buffer;
  }

  get recordCount(): number {
    return this.count;
  }

  /** The batch's size uncompressed, header included (Kafka's estimate before compression). */
  get sizeInBytes(): number {
    return this.position;
  }

  /**
   * Lays out a record after the others unless that would take the batch past `limitBytes`
   * (the first record always goes in). Returns the bytes it added, or 0 when it did not fit.
   */
  tryAppend(
    timestamp: RecordTimestamp,
    key: Uint8Array | null,
    value: Uint8Array | null,
    headers: readonly RecordHeader[],
    limitBytes: number,
  ): number {
    if (this.built) throw new Error("a built batch takes no more records");
    if (this.count === 0) {
      if (typeof timestamp === "number") this.baseNumber = timestamp;
      else this.baseWide = timestamp;
    }
    const offsetDelta = this.count;
    let zigZag = 0;
    let wideDelta: bigint | null = null;
    let timestampBytes: number;
    const delta = typeof timestamp === "number" ? timestamp - this.baseNumber : Number.NaN;
    if (this.baseWide === null && Math.abs(delta) < EXACT_DELTA_LIMIT) {
      zigZag = zigZagNumber(delta);
      timestampBytes = sizeOfUnsignedVarlongNumber(zigZag);
    } else {
      const base = this.baseWide ?? BigInt(this.baseNumber);
      wideDelta = BigInt.asIntN(64, BigInt(timestamp) - base);
      timestampBytes = sizeOfVarlongBigint(wideDelta);
    }
    const body = bodyBytesWithoutTimestamp(offsetDelta, key, value, headers) + timestampBytes;
    const total = sizeOfVarint(body) + body;
    if (this.count > 0 && this.position + total > limitBytes) return 0;
    if (this.position + total > this.buffer.length) this.grow(this.position + total);

    const buffer = this.buffer;
    let at = writeVarint(buffer, this.position, body);
    buffer[at++] = 0; // record attributes: unused, always 0
    at =
      wideDelta === null
        ? writeUnsignedVarlongNumber(buffer, at, zigZag)
        : writeVarlongBigint(buffer, at, wideDelta);
    at = writeVarint(buffer, at, offsetDelta);
    at = writeNullableBytes(buffer, at, key);
    at = writeNullableBytes(buffer, at, value);
    if (headers.length === 0) {
      buffer[at++] = 0;
    } else {
      at = writeVarint(buffer, at, headers.length);
      for (const header of headers) {
        at = writeString(buffer, at, header.key);
        at = writeNullableBytes(buffer, at, header.value);
      }
    }
    this.position = at;
    this.count++;
    if (typeof timestamp === "number") {
      if (timestamp > this.maxNumber) this.maxNumber = timestamp;
    } else if (timestamp > this.maxWide) {
      this.maxWide = timestamp;
    }
    return total;
  }

  /**
   * The RecordBatch v2 bytes with these header fields (CreateTime, not transactional,
   * partitionLeaderEpoch -1, baseOffset 0: the leader sets those). After the first build the
   * batch takes no more records. Fails only when the codec is unavailable (zstd before
   * initCompression()). The bytes stay valid until the next build.
   */
  build(fields: BatchHeaderFields): RecordBatchResult<Uint8Array> {
    this.built = true;
    let batch: Uint8Array;
    if (fields.compression === "none") {
      batch = this.buffer.subarray(0, this.position);
    } else {
      if (this.compressed?.compression !== fields.compression) {
        const section = this.buffer.subarray(RECORDS_POSITION, this.position);
        const compressed = compressionCodec(fields.compression).compress(section);
        if (!compressed.ok) {
          return batchFailure("unsupported-compression-type", 0, compressed.error.message);
        }
        const bytes = new Uint8Array(RECORDS_POSITION + compressed.value.length);
        bytes.set(compressed.value, RECORDS_POSITION);
        this.compressed = { compression: fields.compression, bytes };
      }
      batch = this.compressed.bytes;
    }
    this.writeHeader(batch, fields);
    return { ok: true, value: batch };
  }

  private writeHeader(batch: Uint8Array, fields: BatchHeaderFields): void {
    const baseTimestamp =
      this.count === 0 ? NO_TIMESTAMP : (this.baseWide ?? BigInt(this.baseNumber));
    const maxExact = BigInt(this.maxNumber);
    writeBatchHeader(batch, {
      baseOffset: 0n,
      partitionLeaderEpoch: NO_PARTITION_LEADER_EPOCH,
      attributes: {
        compression: fields.compression,
        timestampType: "CreateTime",
        isTransactional: false,
        isControl: false,
        hasDeleteHorizonMs: false,
      },
      lastOffsetDelta: Math.max(this.count - 1, 0),
      baseTimestamp,
      maxTimestamp: maxExact > this.maxWide ? maxExact : this.maxWide,
      producerId: fields.producerId,
      producerEpoch: fields.producerEpoch,
      baseSequence: fields.baseSequence,
      recordsCount: this.count,
    });
  }

  private grow(neededBytes: number): void {
    const grown = new Uint8Array(Math.max(neededBytes, this.buffer.length * 2));
    grown.set(this.buffer.subarray(0, this.position));
    this.buffer = grown;
  }
}
