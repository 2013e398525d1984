/**
 * Parses the records section of a RecordBatch v2 (layout in records-section-encoder.ts)
 * from untrusted bytes. Every record is checked completely, the way Kafka's DefaultRecord
 * reader checks it: each field stays inside the record's declared length, which must be
 * used up exactly; lengths are -1 or non-negative; header keys are never null; the section
 * holds exactly `count` records and nothing after them. Nothing is copied: the records are
 * lazy views (decoded-record.ts).
 *
 * Hostile counts and lengths cannot cost memory or time: every record takes at least
 * MINIMUM_RECORD_BYTES, so a count larger than the section allows is refused before the
 * records array is made, and every loop advances through the input.
 */
import { DecodedRecord, type RecordBatchContext } from "./decoded-record.ts";

/** length, attributes, timestampDelta, offsetDelta, key, value, header count: 1 byte each at least. */
const MINIMUM_RECORD_BYTES = 7;

export type RecordsSectionResult =
  { ok: true; records: DecodedRecord[] } | { ok: false; detail: string };

/** A cursor over one record, bounded by the record's end; the first failure sticks. */
class RecordCursor {
  position = 0;
  limit = 0;
  failure: string | null = null;
  /** Set by varlong() when the value needs more than 53 bits. */
  wide: bigint | null = null;

  constructor(readonly bytes: Uint8Array) {}

  fail(detail: string): void {
    if (this.failure === null) this.failure = detail;
    this.position = this.limit;
  }

  int8(): number {
    if (this.position >= this.limit) {
      this.fail("record ends inside its attributes");
      return 0;
    }
    return (this.bytes[this.position++]! << 24) >> 24;
  }

  /** Zig-zag varint of at most 5 bytes (32 bits). */
  varint(): number {
    const at = this.position;
    if (at < this.limit) {
      const byte = this.bytes[at]!;
      if (byte < 0x80) {
        this.position = at + 1; // the common case: one byte
        return (byte >>> 1) ^ -(byte & 1);
      }
    }
    return this.longVarint();
  }

  private longVarint(): number {
    const bytes = this.bytes;
    let at = this.position;
    let raw = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= this.limit) {
        this.fail("record ends inside a varint");
        return 0;
      }
      const byte = bytes[at++]!;
      if (shift === 28 && byte > 0x0f) {
        this.fail("varint longer than 32 bits");
        return 0;
      }
      raw |= (byte & 0x7f) << shift;
      if (byte < 0x80) {
        this.position = at;
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    this.fail("varint longer than 5 bytes");
    return 0;
  }

  /**
   * Zig-zag varlong of at most 10 bytes. Returns the value as a number when it fits in 53
   * bits (every realistic timestamp delta); otherwise returns NaN and leaves it in `wide`.
   */
  varlong(): number {
    const bytes = this.bytes;
    const start = this.position;
    let at = start;
    let raw = 0;
    let multiplier = 1;
    for (let index = 0; index < 7; index++) {
      if (at >= this.limit) {
        this.fail("record ends inside a varlong");
        return 0;
      }
      const byte = bytes[at++]!;
      raw += (byte & 0x7f) * multiplier;
      multiplier *= 128;
      if (byte < 0x80) {
        this.position = at;
        this.wide = null;
        return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
      }
    }
    return this.wideVarlong(start);
  }

  private wideVarlong(start: number): number {
    let at = start;
    let raw = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (at >= this.limit) {
        this.fail("record ends inside a varlong");
        return 0;
      }
      const byte = this.bytes[at++]!;
      raw |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) {
        if (raw >= 1n << 64n) break;
        this.position = at;
        this.wide = (raw >> 1n) ^ -(raw & 1n);
        return Number.NaN;
      }
    }
    this.fail("varlong longer than 64 bits");
    return 0;
  }

  /** A length of a nullable field: -1 or 0..bytes left in the record. */
  length(what: string): number {
    const value = this.varint();
    if (this.failure !== null) return -1;
    if (value < -1) this.fail(`${what} length ${value} is negative`);
    else if (value > this.limit - this.position)
      this.fail(`${what} of ${value} bytes overruns the record`);
    return value;
  }
}

export function decodeRecordsSection(
  context: RecordBatchContext,
  start: number,
  end: number,
  count: number,
): RecordsSectionResult {
  if (count < 0) return { ok: false, detail: `invalid record count ${count}` };
  const sectionBytes = end - start;
  if (count > sectionBytes / MINIMUM_RECORD_BYTES) {
    return { ok: false, detail: `record count ${count} cannot fit in ${sectionBytes} bytes` };
  }
  const records = new Array<DecodedRecord>(count);
  const cursor = new RecordCursor(context.bytes);
  cursor.position = start;
  for (let index = 0; index < count; index++) {
    if (cursor.position >= end) {
      return { ok: false, detail: `expected ${count} records but found ${index}` };
    }
    cursor.limit = end;
    const recordBytes = cursor.varint();
    if (cursor.failure !== null) return { ok: false, detail: `record ${index}: ${cursor.failure}` };
    if (recordBytes < 0 || recordBytes > end - cursor.position) {
      return { ok: false, detail: `record ${index}: length ${recordBytes} does not fit the batch` };
    }
    const recordEnd = cursor.position + recordBytes;
    cursor.limit = recordEnd;
    const attributes = cursor.int8();
    const timestampDelta = cursor.varlong();
    const timestampDeltaWide = cursor.wide;
    const offsetDelta = cursor.varint();
    const keySize = cursor.length("key");
    const keyPosition = cursor.position;
    if (keySize > 0) cursor.position += keySize;
    const valueSize = cursor.length("value");
    const valuePosition = cursor.position;
    if (valueSize > 0) cursor.position += valueSize;
    const headerCount = cursor.varint();
    const headersPosition = cursor.position;
    if (cursor.failure === null && (headerCount < 0 || headerCount > recordEnd - cursor.position)) {
      cursor.fail(`invalid header count ${headerCount}`);
    }
    for (let header = 0; header < headerCount && cursor.failure === null; header++) {
      const headerKeySize = cursor.length("header key");
      if (headerKeySize < 0) {
        cursor.fail("header key is null");
        break;
      }
      cursor.position += headerKeySize;
      const headerValueSize = cursor.length("header value");
      if (headerValueSize > 0) cursor.position += headerValueSize;
    }
    if (cursor.failure !== null) return { ok: false, detail: `record ${index}: ${cursor.failure}` };
    if (cursor.position !== recordEnd) {
      return {
        ok: false,
        detail: `record ${index}: declared ${recordBytes} bytes but its fields take ${cursor.position - (recordEnd - recordBytes)}`,
      };
    }
    records[index] = new DecodedRecord(
      context,
      attributes,
      timestampDelta,
      timestampDeltaWide,
      offsetDelta,
      keySize,
      keyPosition,
      valueSize,
      valuePosition,
      headerCount,
      headersPosition,
    );
  }
  if (cursor.position !== end) {
    return {
      ok: false,
      detail: `${end - cursor.position} bytes left after the last of ${count} records`,
    };
  }
  return { ok: true, records };
}
