/**
 * The int16 attributes of a RecordBatch v2:
 *   bits 0-2 compression (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd),
 *   bit 3 timestamp type (0 CreateTime, 1 LogAppendTime),
 *   bit 4 isTransactional, bit 5 isControl, bit 6 hasDeleteHorizonMs.
 */

/** Kafka's names for the codecs, as printed by its tools (`compresscodec: gzip`). */
export type CompressionType = "none" | "gzip" | "snappy" | "lz4" | "zstd";
/** Kafka's names for the timestamp types, as printed by its tools (`CreateTime: 17...`). */
export type TimestampType = "CreateTime" | "LogAppendTime";

export const COMPRESSION_TYPES: readonly CompressionType[] = [
  "none",
  "gzip",
  "snappy",
  "lz4",
  "zstd",
];

const COMPRESSION_MASK = 0x07;
const TIMESTAMP_TYPE_MASK = 0x08;
const TRANSACTIONAL_MASK = 0x10;
const CONTROL_MASK = 0x20;
const DELETE_HORIZON_MASK = 0x40;

export interface BatchAttributes {
  compression: CompressionType;
  timestampType: TimestampType;
  isTransactional: boolean;
  isControl: boolean;
  hasDeleteHorizonMs: boolean;
}

export function compressionTypeCode(type: CompressionType): number {
  return COMPRESSION_TYPES.indexOf(type);
}

/** The codec of attribute bits 0-2, or null for the unassigned codes 5-7. */
export function compressionTypeOf(attributes: number): CompressionType | null {
  return COMPRESSION_TYPES[attributes & COMPRESSION_MASK] ?? null;
}

export function timestampTypeOf(attributes: number): TimestampType {
  return attributes & TIMESTAMP_TYPE_MASK ? "LogAppendTime" : "CreateTime";
}

export function encodeBatchAttributes(attributes: BatchAttributes): number {
  return (
    compressionTypeCode(attributes.compression) |
    (attributes.timestampType === "LogAppendTime" ? TIMESTAMP_TYPE_MASK : 0) |
    (attributes.isTransactional ? TRANSACTIONAL_MASK : 0) |
    (attributes.isControl ? CONTROL_MASK : 0) |
    (attributes.hasDeleteHorizonMs ? DELETE_HORIZON_MASK : 0)
  );
}

/** Null when the compression bits name no codec. Unknown higher bits are ignored, as Kafka does. */
export function decodeBatchAttributes(attributes: number): BatchAttributes | null {
  const compression = compressionTypeOf(attributes);
  if (compression === null) return null;
  return {
    compression,
    timestampType: timestampTypeOf(attributes),
    isTransactional: (attributes & TRANSACTIONAL_MASK) !== 0,
    isControl: (attributes & CONTROL_MASK) !== 0,
    hasDeleteHorizonMs: (attributes & DELETE_HORIZON_MASK) !== 0,
  };
}

/** The attributes with the timestamp type bit set to `type` (everything else kept). */
export function withTimestampType(attributes: number, type: TimestampType): number {
  return type === "LogAppendTime"
    ? attributes | TIMESTAMP_TYPE_MASK
    : attributes & ~TIMESTAMP_TYPE_MASK;
}
