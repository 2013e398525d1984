// This file deliberately never calls initCompression(): Vitest gives each test file its
// own module instances, so here the zstd wasm is not loaded.
import { ErrorCode } from "../generated/error-codes.ts";
import { describe, expect, it } from "vitest";
import {
  decodeRecordBatch,
  encodeRecordBatch,
  isCompressionAvailable,
  writeBatchCrc,
} from "./record-batch.ts";

describe("zstd before initCompression()", () => {
  it("is reported unavailable while the other codecs are ready", () => {
    expect(isCompressionAvailable("zstd")).toBe(false);
    for (const type of ["none", "gzip", "snappy", "lz4"] as const)
      expect(isCompressionAvailable(type)).toBe(true);
  });

  it("refuses to encode a zstd batch with UNSUPPORTED_COMPRESSION_TYPE (76)", () => {
    const result = encodeRecordBatch({
      compression: "zstd",
      records: [{ value: new Uint8Array(3) }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe("unsupported-compression-type");
      expect(result.error.errorCode).toBe(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE);
      expect(result.error.message).toContain("initCompression");
    }
  });

  it("refuses to decode a zstd batch with UNSUPPORTED_COMPRESSION_TYPE (76)", () => {
    const plain = encodeRecordBatch({ records: [{ value: new Uint8Array(3) }] });
    if (!plain.ok) throw plain.error;
    const batch = plain.value;
    batch[22] = 4; // attributes: zstd
    writeBatchCrc(batch, 0);
    const result = decodeRecordBatch(batch);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.errorCode).toBe(76);
  });
});
