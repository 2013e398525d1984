/** Public surface of the codecs used inside RecordBatch v2. */
export type { CompressionCodec } from "./compression-codec.ts";
export { DEFAULT_DECOMPRESSED_BYTES_MAX } from "./compression-codec.ts";
export {
  CompressionError,
  type CodecResult,
  type CompressionErrorKind,
} from "./compression-error.ts";
export { compressionCodec, initCompression, isCompressionAvailable } from "./codecs.ts";
