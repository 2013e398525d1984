/**
 * RecordBatch v2 (magic 2): Kafka's on-disk and on-wire unit of records. The public
 * surface of src/protocol/records; each part lives in its own file.
 */
export {
  type BatchAttributes,
  type CompressionType,
  type TimestampType,
  COMPRESSION_TYPES,
  compressionTypeCode,
  decodeBatchAttributes,
  encodeBatchAttributes,
} from "./attributes.ts";
export * from "./batch-layout.ts";
export {
  type RecordBatchHeader,
  computeRecordBatchCrc,
  incrementSequence,
  isRecordBatchCrcValid,
  readRecordBatchHeader,
} from "./batch-header.ts";
export {
  setBatchBaseOffset,
  setBatchMaxTimestamp,
  setBatchPartitionLeaderEpoch,
  writeBatchCrc,
} from "./batch-rewrite.ts";
export { crc32c } from "./crc32c.ts";
export { DecodedRecord, type RecordBatchContext } from "./decoded-record.ts";
export {
  type DecodeRecordBatchOptions,
  type DecodedRecordBatch,
  decodeRecordBatch,
} from "./record-batch-decoder.ts";
export { encodeRecordBatch } from "./record-batch-encoder.ts";
export {
  RecordBatchError,
  type RecordBatchErrorKind,
  type RecordBatchResult,
} from "./record-batch-error.ts";
export type { RecordBatchInput, RecordHeader, RecordInput } from "./record-batch-input.ts";
export {
  type RecordBatchScan,
  type RecordBatchScanEntry,
  type RecordBatchScanOptions,
  iterateRecordBatches,
  scanRecordBatches,
} from "./record-batch-scan.ts";
export {
  DEFAULT_DECOMPRESSED_BYTES_MAX,
  initCompression,
  isCompressionAvailable,
} from "./compression/index.ts";
