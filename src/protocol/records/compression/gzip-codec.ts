/**
 * gzip (RFC 1952), compression type 1, via fflate. Kafka's Java client writes one gzip
 * member with java.util.zip (deflate level 6 by default, as here).
 *
 * Decompression is bounded: fflate's one-shot gunzip trusts the ISIZE trailer to size its
 * output and inflates everything it is given, so instead the input is fed to fflate's
 * streaming inflater in small slices and the output is counted as it comes; once it passes
 * the limit, decompression stops. A slice of SLICE_BYTES can inflate to at most ~1032x its
 * size (deflate's best ratio), which bounds the overshoot.
 */
import { Gunzip, gzipSync } from "fflate";
import type { CompressionCodec } from "./compression-codec.ts";
import { codecFailure, codecOk, describeThrown, type CodecResult } from "./compression-error.ts";
import { GrowableOutput } from "./growable-output.ts";

const SLICE_BYTES = 16 * 1024;
const GZIP_MINIMUM_BYTES = 18; // 10-byte header + 8-byte trailer (CRC32, ISIZE)
const DEFAULT_LEVEL = 6;

/** Thrown from inside fflate's callback to stop it; caught right below. */
class OutputLimitReached extends Error {}

function compress(data: Uint8Array): CodecResult {
  // mtime 0: fflate would otherwise stamp Date.now() into the header, and the core must
  // neither read the clock nor produce bytes that differ from run to run.
  return codecOk(gzipSync(data, { level: DEFAULT_LEVEL, mtime: 0 }));
}

function decompress(data: Uint8Array, decompressedBytesMax: number): CodecResult {
  if (data.length < GZIP_MINIMUM_BYTES) {
    return codecFailure("corrupt", "gzip", `${data.length} bytes is shorter than any gzip member`);
  }
  const output = new GrowableOutput(Math.min(data.length * 4, 1 << 20), decompressedBytesMax);
  let members = 1;
  const gunzip = new Gunzip((chunk) => {
    if (!output.append(chunk)) throw new OutputLimitReached();
  });
  gunzip.onmember = () => {
    members++;
  };
  try {
    for (let start = 0; start < data.length; start += SLICE_BYTES) {
      const end = Math.min(data.length, start + SLICE_BYTES);
      gunzip.push(data.subarray(start, end), end === data.length);
    }
  } catch (thrown) {
    if (thrown instanceof OutputLimitReached) {
      return codecFailure(
        "size-limit",
        "gzip",
        `decompressed size exceeds the limit of ${decompressedBytesMax} bytes`,
      );
    }
    return codecFailure("corrupt", "gzip", describeThrown(thrown));
  }
  // fflate checks neither trailer field; for the usual single member, ISIZE (the size mod
  // 2^32) catches a stream cut short after a block boundary, which inflates "cleanly".
  if (members === 1) {
    const trailer = data.length - 4;
    const declaredSize =
      (data[trailer]! |
        (data[trailer + 1]! << 8) |
        (data[trailer + 2]! << 16) |
        (data[trailer + 3]! << 24)) >>>
      0;
    if (declaredSize !== output.length % 2 ** 32) {
      return codecFailure(
        "corrupt",
        "gzip",
        `trailer says ${declaredSize} bytes but the stream inflated to ${output.length}`,
      );
    }
  }
  return codecOk(output.result());
}

export const gzipCodec: CompressionCodec = { type: "gzip", compress, decompress };
