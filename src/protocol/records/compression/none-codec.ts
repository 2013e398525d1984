/** Compression type 0: the records section as it is. */
import type { CompressionCodec } from "./compression-codec.ts";
import { codecFailure, codecOk } from "./compression-error.ts";

export const noneCodec: CompressionCodec = {
  type: "none",
  compress: (data) => codecOk(data),
  decompress: (data, decompressedBytesMax) =>
    data.length > decompressedBytesMax
      ? codecFailure(
          "size-limit",
          "none",
          `${data.length} bytes exceed the limit of ${decompressedBytesMax}`,
        )
      : codecOk(data),
};
