// Type declarations for the two CommonJS codec packages that ship none; only what we call.

declare module "lz4js" {
  const lz4: {
    /** Worst-case compressed size of `length` input bytes as one LZ4 block. */
    compressBound(length: number): number;
    /**
     * Compresses source[sourceIndex, sourceIndex + sourceLength) as one raw LZ4 block into
     * destination; returns the compressed length, or 0 when it found nothing to compress.
     */
    compressBlock(
      source: Uint8Array,
      destination: Uint8Array,
      sourceIndex: number,
      sourceLength: number,
      hashTable: Uint32Array,
    ): number;
  };
  export default lz4;
}

declare module "snappyjs" {
  const snappy: {
    /** One raw Snappy block (varint length preamble, then elements). */
    compress(data: Uint8Array): Uint8Array;
    uncompress(data: Uint8Array, maxLength?: number): Uint8Array;
  };
  export default snappy;
}
