/**
 * One record of a decoded batch, as a lazy view: decoding validates the record's structure
 * and remembers where its parts are; offsets, timestamps (bigint), key and value (views into
 * the batch's bytes, no copy) and headers are produced when read. Reading a million records'
 * offsets without their values costs no Uint8Array views; reading no headers decodes no
 * strings. Each access computes afresh, so keep what you read more than once. Keys and
 * values share memory with the buffer the batch was decoded from: copy them (slice) before
 * that buffer is reused or changed.
 */
import type { RecordHeader } from "./record-batch-input.ts";
import { incrementSequence } from "./batch-header.ts";

const utf8 = new TextDecoder("utf-8"); // non-fatal: Kafka decodes header keys leniently too

/** What every record of one batch shares. */
export interface RecordBatchContext {
  /** The (decompressed) records section the positions below point into. */
  bytes: Uint8Array;
  baseOffset: bigint;
  baseTimestamp: bigint;
  /** maxTimestamp when the batch has LogAppendTime: then every record has this timestamp. */
  logAppendTime: bigint | null;
  baseSequence: number;
  /** baseOffset, baseTimestamp and logAppendTime as numbers where exact, else NaN (see exactNumber). */
  baseOffsetNumber: number;
  baseTimestampNumber: number;
  logAppendTimeNumber: number;
}

/** `value` as a number when it is a safe integer, else NaN. */
export function exactNumber(value: bigint): number {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : Number.NaN;
}

export class DecodedRecord {
  constructor(
    private readonly batch: RecordBatchContext,
    /** The record's own attributes byte (unused by Kafka today, kept as read). */
    readonly attributes: number,
    private readonly timestampDeltaNumber: number,
    private readonly timestampDeltaWide: bigint | null,
    readonly offsetDelta: number,
    /** Key length in bytes; -1 for a null key. */
    readonly keySize: number,
    private readonly keyPosition: number,
    /** Value length in bytes; -1 for a null value (a tombstone). */
    readonly valueSize: number,
    private readonly valuePosition: number,
    readonly headerCount: number,
    private readonly headersPosition: number,
  ) {}

  get offset(): bigint {
    return this.batch.baseOffset + BigInt(this.offsetDelta);
  }

  get timestampDelta(): bigint {
    return this.timestampDeltaWide ?? BigInt(this.timestampDeltaNumber);
  }

  /** The record's timestamp; for a LogAppendTime batch, the batch's append time. */
  get timestamp(): bigint {
    return (
      this.batch.logAppendTime ?? BigInt.asIntN(64, this.batch.baseTimestamp + this.timestampDelta)
    );
  }

  /**
   * The offset as a number, or NaN beyond 2^53: for callers that turn offsets into text or
   * compare them by the million, where a bigint per record would cost more than the rest.
   */
  get offsetNumber(): number {
    const offset = this.batch.baseOffsetNumber + this.offsetDelta;
    return Number.isSafeInteger(offset) ? offset : Number.NaN;
  }

  /** The timestamp as a number, or NaN where only the bigint is exact. */
  get timestampNumber(): number {
    const batch = this.batch;
    if (batch.logAppendTime !== null) return batch.logAppendTimeNumber;
    if (this.timestampDeltaWide !== null) return Number.NaN;
    const timestamp = batch.baseTimestampNumber + this.timestampDeltaNumber;
    return Number.isSafeInteger(timestamp) ? timestamp : Number.NaN;
  }

  get key(): Uint8Array | null {
    return this.keySize < 0
      ? null
      : this.batch.bytes.subarray(this.keyPosition, this.keyPosition + this.keySize);
  }

  get value(): Uint8Array | null {
    return this.valueSize < 0
      ? null
      : this.batch.bytes.subarray(this.valuePosition, this.valuePosition + this.valueSize);
  }

  /** Kafka's per-record sequence: baseSequence + offsetDelta (wrapping), or -1. */
  get sequence(): number {
    const base = this.batch.baseSequence;
    return base < 0 ? -1 : incrementSequence(base, this.offsetDelta);
  }

  /** Headers, decoded now; structure was validated when the batch was decoded. */
  get headers(): RecordHeader[] {
    const bytes = this.batch.bytes;
    const headers: RecordHeader[] = new Array<RecordHeader>(this.headerCount);
    let position = this.headersPosition;
    for (let index = 0; index < this.headerCount; index++) {
      const [keyLength, keyStart] = readVarintAt(bytes, position);
      const key = utf8.decode(bytes.subarray(keyStart, keyStart + keyLength));
      const [valueLength, valueStart] = readVarintAt(bytes, keyStart + keyLength);
      const value = valueLength < 0 ? null : bytes.subarray(valueStart, valueStart + valueLength);
      headers[index] = { key, value };
      position = valueStart + Math.max(0, valueLength);
    }
    return headers;
  }
}

/**
 * A zig-zag varint from bytes already validated by the decoder, so no checks here.
 * Returns [value, position after it].
 */
function readVarintAt(bytes: Uint8Array, position: number): [number, number] {
  let raw = 0;
  let shift = 0;
  let at = position;
  for (;;) {
    const byte = bytes[at++]!;
    raw |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
    shift += 7;
  }
  return [(raw >>> 1) ^ -(raw & 1), at];
}
