/**
 * Bytes as packet tools show them: 16 to a row with the row's offset, hex, and printable
 * ASCII. For a record batch, each byte of its 61-byte header (RecordBatch v2, Kafka's
 * DefaultRecordBatch) is tagged with the field it belongs to.
 */
export const BYTES_PER_ROW = 16;

export interface HeaderField {
  name: string;
  start: number;
  length: number;
}

/** DefaultRecordBatch's header: each field's name and size in bytes, in wire order. */
const HEADER_LAYOUT: readonly (readonly [string, number])[] = [
  ["baseOffset", 8],
  ["batchLength", 4],
  ["partitionLeaderEpoch", 4],
  ["magic", 1],
  ["crc", 4],
  ["attributes", 2],
  ["lastOffsetDelta", 4],
  ["baseTimestamp", 8],
  ["maxTimestamp", 8],
  ["producerId", 8],
  ["producerEpoch", 2],
  ["baseSequence", 4],
  ["recordsCount", 4],
];

function laidOut(layout: readonly (readonly [string, number])[]): HeaderField[] {
  let start = 0;
  return layout.map(([name, length]) => {
    const field = { name, start, length };
    start += length;
    return field;
  });
}

export const BATCH_HEADER_FIELDS: readonly HeaderField[] = laidOut(HEADER_LAYOUT);

export const BATCH_HEADER_BYTES = 61;

export interface HexCell {
  hex: string;
  ascii: string;
  /** Index into BATCH_HEADER_FIELDS when the byte is part of the batch header. */
  field: number | null;
}

export function hexRowCount(length: number): number {
  return Math.ceil(length / BYTES_PER_ROW);
}

function fieldOf(position: number): number | null {
  if (position >= BATCH_HEADER_BYTES) return null;
  return BATCH_HEADER_FIELDS.findIndex((field) => position < field.start + field.length);
}

/** Row `row` of `bytes`: its offset (4+ hex digits) and its cells. */
export function hexRow(
  bytes: Uint8Array,
  row: number,
  options: { batchHeader: boolean },
): { offset: string; cells: HexCell[] } {
  const from = row * BYTES_PER_ROW;
  const cells: HexCell[] = [];
  for (let at = from; at < Math.min(bytes.length, from + BYTES_PER_ROW); at++) {
    const byte = bytes[at]!;
    cells.push({
      hex: byte.toString(16).padStart(2, "0"),
      ascii: byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : "·",
      field: options.batchHeader ? fieldOf(at) : null,
    });
  }
  return { offset: from.toString(16).padStart(4, "0"), cells };
}
