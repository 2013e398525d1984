/**
 * Where each field of a RecordBatch v2 header sits, in bytes from the start of the batch,
 * and the constants Kafka gives to "absent" values. The layout (all big-endian):
 *
 *   baseOffset int64 | batchLength int32 | partitionLeaderEpoch int32 | magic int8 |
 *   crc uint32 | attributes int16 | lastOffsetDelta int32 | baseTimestamp int64 |
 *   maxTimestamp int64 | producerId int64 | producerEpoch int16 | baseSequence int32 |
 *   recordsCount int32 | records...
 *
 * batchLength counts the bytes after itself; the CRC covers attributes through the end.
 */
export const BASE_OFFSET_POSITION = 0;
export const BATCH_LENGTH_POSITION = 8;
export const PARTITION_LEADER_EPOCH_POSITION = 12;
export const MAGIC_POSITION = 16;
export const CRC_POSITION = 17;
export const ATTRIBUTES_POSITION = 21;
export const LAST_OFFSET_DELTA_POSITION = 23;
export const BASE_TIMESTAMP_POSITION = 27;
export const MAX_TIMESTAMP_POSITION = 35;
export const PRODUCER_ID_POSITION = 43;
export const PRODUCER_EPOCH_POSITION = 51;
export const BASE_SEQUENCE_POSITION = 53;
export const RECORDS_COUNT_POSITION = 57;
export const RECORDS_POSITION = 61;

/** baseOffset + batchLength: the bytes in front of what batchLength counts. */
export const LOG_OVERHEAD_BYTES = 12;
/** The fixed header: the smallest possible batch (no records). */
export const RECORD_BATCH_OVERHEAD_BYTES = RECORDS_POSITION;
/** The smallest batchLength a v2 batch can have. */
export const MINIMUM_BATCH_LENGTH = RECORD_BATCH_OVERHEAD_BYTES - LOG_OVERHEAD_BYTES;
/** Enough bytes to read the magic byte, which says how to read the rest. */
export const HEADER_BYTES_UP_TO_MAGIC = MAGIC_POSITION + 1;

export const CURRENT_MAGIC = 2;

export const NO_PRODUCER_ID = -1n;
export const NO_PRODUCER_EPOCH = -1;
export const NO_SEQUENCE = -1;
export const NO_PARTITION_LEADER_EPOCH = -1;
export const NO_TIMESTAMP = -1n;
