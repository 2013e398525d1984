/**
 * Writes the records section of a RecordBatch v2: for each record
 *
 *   length varint | attributes int8 | timestampDelta varlong | offsetDelta varint |
 *   key (varint length, -1 = null) | value (same) | header count varint |
 *   per header: key (varint length + UTF-8) | value (varint length, -1 = null)
 *
 * In two passes, as Kafka's DefaultRecord does: `measure` works out every record's size
 * (the length prefix comes first, so it must be known before the body is written), then
 * `write` fills a buffer of exactly that size. Sizes and timestamp deltas computed in the
 * first pass are kept in reusable typed arrays, so encoding allocates nothing per record.
 */
import type { RecordInput } from "./record-batch-input.ts";
import {
  writeNullableBytes,
  writeString,
  writeUnsignedVarlongNumber,
  writeVarint,
  writeVarlongBigint,
} from "./record-bytes-writer.ts";
import {
  sizeOfUnsignedVarint,
  sizeOfUnsignedVarlongNumber,
  sizeOfVarint,
  sizeOfVarlongBigint,
  utf8Length,
  zigZagNumber,
} from "./varint-size.ts";

const NO_TIMESTAMP = -1n;
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

function checkInt32(value: number, what: string): void {
  if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    throw new RangeError(`${what} ${value} is not an int32`);
  }
}

export class RecordsSectionEncoder {
  private bodySizes = new Int32Array(256);
  /** Zig-zagged timestamp deltas; NaN where the delta needs 64-bit arithmetic. */
  private timestampDeltas = new Float64Array(256);
  private wideTimestampDeltas = new Map<number, bigint>();
  private measuredCount = 0;
  /** The largest record timestamp seen by the last `measure` (-1 when there were none). */
  maxTimestamp = NO_TIMESTAMP;

  /** Size in bytes of the records section for `records`; remembers what `write` needs. */
  measure(records: readonly RecordInput[], baseTimestamp: bigint): number {
    const count = records.length;
    if (this.bodySizes.length < count) {
      let capacity = this.bodySizes.length;
      while (capacity < count) capacity *= 2;
      this.bodySizes = new Int32Array(capacity);
      this.timestampDeltas = new Float64Array(capacity);
    }
    this.wideTimestampDeltas.clear();
    const baseNumber = Number(baseTimestamp);
    const baseIsSafe = Number.isSafeInteger(baseNumber);
    // Timestamps are compared as numbers while they are exact (every realistic one is):
    // bigint arithmetic per record costs more than the rest of the record. As in Kafka's
    // MemoryRecordsBuilder, the maximum starts at NO_TIMESTAMP (-1).
    let maxNumber = -1;
    let maxWide = NO_TIMESTAMP;
    let total = 0;
    for (let index = 0; index < count; index++) {
      const record = records[index]!;
      const timestamp = record.timestamp ?? NO_TIMESTAMP;
      const timestampNumber = Number(timestamp);
      const delta = timestampNumber - baseNumber;
      let timestampDeltaBytes: number;
      if (baseIsSafe && Number.isSafeInteger(timestampNumber) && Math.abs(delta) < 2 ** 51) {
        if (timestampNumber > maxNumber) maxNumber = timestampNumber;
        const zigZag = zigZagNumber(delta);
        this.timestampDeltas[index] = zigZag;
        timestampDeltaBytes = sizeOfUnsignedVarlongNumber(zigZag);
      } else {
        if (timestamp > maxWide) maxWide = timestamp;
        const wide = BigInt.asIntN(64, timestamp - baseTimestamp);
        this.timestampDeltas[index] = Number.NaN;
        this.wideTimestampDeltas.set(index, wide);
        timestampDeltaBytes = sizeOfVarlongBigint(wide);
      }
      const offsetDelta = record.offsetDelta ?? index;
      checkInt32(offsetDelta, "offsetDelta");
      const key = record.key ?? null;
      const value = record.value ?? null;
      let size =
        1 +
        timestampDeltaBytes +
        sizeOfVarint(offsetDelta) +
        (key === null ? 1 : sizeOfVarint(key.length) + key.length) +
        (value === null ? 1 : sizeOfVarint(value.length) + value.length);
      const headers = record.headers;
      if (headers === undefined || headers.length === 0) {
        size += 1;
      } else {
        size += sizeOfVarint(headers.length);
        for (const header of headers) {
          const keyBytes = utf8Length(header.key);
          size += sizeOfVarint(keyBytes) + keyBytes;
          size +=
            header.value === null ? 1 : sizeOfVarint(header.value.length) + header.value.length;
        }
      }
      if (size > INT32_MAX - 5)
        throw new RangeError(`record ${index} is too large (${size} bytes)`);
      this.bodySizes[index] = size;
      total += sizeOfUnsignedVarint(((size << 1) ^ (size >> 31)) >>> 0) + size;
    }
    this.measuredCount = count;
    const maxExact = BigInt(maxNumber);
    this.maxTimestamp = maxExact > maxWide ? maxExact : maxWide;
    return total;
  }

  /** Writes the records measured last into `buffer` at `position`; returns the end position. */
  write(records: readonly RecordInput[], buffer: Uint8Array, position: number): number {
    if (records.length !== this.measuredCount)
      throw new Error("write() must follow measure() of the same records");
    let at = position;
    for (let index = 0; index < records.length; index++) {
      const record = records[index]!;
      at = writeVarint(buffer, at, this.bodySizes[index]!);
      buffer[at++] = 0; // record attributes: unused, always 0
      const zigZag = this.timestampDeltas[index]!;
      at = Number.isNaN(zigZag)
        ? writeVarlongBigint(buffer, at, this.wideTimestampDeltas.get(index)!)
        : writeUnsignedVarlongNumber(buffer, at, zigZag);
      at = writeVarint(buffer, at, record.offsetDelta ?? index);
      at = writeNullableBytes(buffer, at, record.key ?? null);
      at = writeNullableBytes(buffer, at, record.value ?? null);
      const headers = record.headers;
      if (headers === undefined || headers.length === 0) {
        buffer[at++] = 0;
        continue;
      }
      at = writeVarint(buffer, at, headers.length);
      for (const header of headers) {
        at = writeString(buffer, at, header.key);
        at = writeNullableBytes(buffer, at, header.value);
      }
    }
    return at;
  }
}
