import { gunzipSync as nodeGunzip, gzipSync as nodeGzip } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CompressionType } from "../attributes.ts";
import { compressionCodec, initCompression, isCompressionAvailable } from "./codecs.ts";
import {
  TEXT_GZIP_CLI,
  TEXT_LZ4_CLI_CHECKSUMMED,
  TEXT_LZ4_CLI_DEFAULT,
  TEXT_ZSTD_CLI_SIZED,
  TEXT_ZSTD_CLI_STREAMED,
  fixtureText,
  fromBase64,
} from "../testing/external-fixtures.ts";
import { xxhash32 } from "./xxhash32.ts";
import { expectBytesEqual, pseudoRandomBytes } from "../testing/bytes.ts";

const LIMIT = 64 * 1024 * 1024;
const CODECS: CompressionType[] = ["none", "gzip", "snappy", "lz4", "zstd"];

function decompressOk(type: CompressionType, data: Uint8Array, limit = LIMIT): Uint8Array {
  const result = compressionCodec(type).decompress(data, limit);
  if (!result.ok) throw result.error;
  return result.value;
}

function compressOk(type: CompressionType, data: Uint8Array): Uint8Array {
  const result = compressionCodec(type).compress(data);
  if (!result.ok) throw result.error;
  return result.value;
}

beforeAll(async () => {
  await initCompression();
});

describe("every codec", () => {
  it("is available after initCompression()", () => {
    for (const type of CODECS) expect(isCompressionAvailable(type)).toBe(true);
  });

  const inputs: Array<[string, Uint8Array]> = [
    ["empty input", new Uint8Array(0)],
    ["one byte", Uint8Array.of(42)],
    ["compressible text (~150 KB, several blocks)", fixtureText()],
    ["incompressible random bytes (300 KB)", pseudoRandomBytes(300_000, 7)],
    ["a long run of one byte (1 MiB)", new Uint8Array(1 << 20).fill(0x61)],
  ];
  for (const type of CODECS) {
    for (const [label, input] of inputs) {
      it(`${type} round-trips ${label}`, () => {
        const compressed = compressOk(type, input);
        expectBytesEqual(decompressOk(type, compressed), input);
      });
    }
    it(`${type} round-trips arbitrary bytes`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 5000 }), (input) => {
          expectBytesEqual(decompressOk(type, compressOk(type, input)), input);
        }),
        { numRuns: 60 },
      );
    });
    it(`${type} compresses deterministically`, () => {
      const input = fixtureText();
      expectBytesEqual(compressOk(type, input), compressOk(type, input));
    });
  }

  for (const type of CODECS.filter((codec) => codec !== "none")) {
    it(`${type} reports garbage, truncation and bit flips as values, never exceptions`, () => {
      const valid = compressOk(type, fixtureText());
      const inputs: Uint8Array[] = [new Uint8Array(0), pseudoRandomBytes(1000, 3)];
      for (let cut = 0; cut < valid.length; cut += Math.max(1, Math.floor(valid.length / 97))) {
        inputs.push(valid.subarray(0, cut));
      }
      for (let flip = 0; flip < 300; flip++) {
        const mutated = valid.slice();
        const at = (flip * 7919) % mutated.length;
        mutated[at]! ^= 1 << (flip % 8);
        inputs.push(mutated);
      }
      for (const input of inputs) {
        const result = compressionCodec(type).decompress(input, LIMIT);
        if (!result.ok) expect(["corrupt", "size-limit"]).toContain(result.error.kind);
      }
    });

    it(`${type} never decompresses past the limit`, () => {
      const bomb = compressOk(type, new Uint8Array(8 << 20)); // 8 MiB of zeros
      const result = compressionCodec(type).decompress(bomb, 1 << 20);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe("size-limit");
      expect(decompressOk(type, bomb, 8 << 20).length).toBe(8 << 20);
    });
  }
});

describe("gzip", () => {
  it("reads what Node's zlib writes", () => {
    const input = fixtureText();
    expectBytesEqual(decompressOk("gzip", nodeGzip(input)), input);
  });

  it("writes what Node's zlib reads", () => {
    const input = fixtureText();
    expectBytesEqual(new Uint8Array(nodeGunzip(compressOk("gzip", input))), input);
  });

  it("reads what GNU gzip writes", () => {
    expectBytesEqual(decompressOk("gzip", fromBase64(TEXT_GZIP_CLI)), fixtureText());
  });

  it("reads several gzip members back to back, as java.util.zip does", () => {
    const first = new TextEncoder().encode("first member ");
    const second = new TextEncoder().encode("second member");
    const joined = new Uint8Array([...nodeGzip(first), ...nodeGzip(second)]);
    expect(new TextDecoder().decode(decompressOk("gzip", joined))).toBe(
      "first member second member",
    );
  });

  it("rejects a member whose size trailer disagrees with its contents", () => {
    const valid = compressOk("gzip", fixtureText());
    const lying = valid.slice();
    lying[lying.length - 1]! ^= 0x01;
    const result = compressionCodec("gzip").decompress(lying, LIMIT);
    expect(result.ok).toBe(false);
  });
});

describe("snappy", () => {
  const xerialMagic = [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00];

  it("writes xerial framing: magic, version 1, compatible version 1, int32-sized blocks", () => {
    const compressed = compressOk("snappy", new Uint8Array(100_000).fill(1));
    expect(Array.from(compressed.subarray(0, 8))).toEqual(xerialMagic);
    const view = new DataView(compressed.buffer, compressed.byteOffset);
    expect(view.getInt32(8)).toBe(1);
    expect(view.getInt32(12)).toBe(1);
    let position = 16;
    let blocks = 0;
    while (position < compressed.length) {
      position += 4 + view.getInt32(position);
      blocks++;
    }
    expect(position).toBe(compressed.length);
    expect(blocks).toBe(4); // 100,000 bytes in 32 KiB blocks
  });

  // Built by hand from google/snappy's format_description.txt: preamble 11, literal
  // "abcd" (tag 0x0c), copy-1 of length 4 at offset 4 (tag 0x01, offset byte 4), then a
  // literal "xyz" (tag 0x08). Decodes to "abcdabcdxyz".
  const handMadeBlock = Uint8Array.of(
    11,
    0x0c,
    0x61,
    0x62,
    0x63,
    0x64,
    0x01,
    0x04,
    0x08,
    0x78,
    0x79,
    0x7a,
  );

  it("reads a raw Snappy block made by hand from the format description", () => {
    expect(new TextDecoder().decode(decompressOk("snappy", handMadeBlock))).toBe("abcdabcdxyz");
  });

  it("reads the same block inside hand-made xerial framing, twice concatenated", () => {
    const frame = [
      ...xerialMagic,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      handMadeBlock.length,
      ...handMadeBlock,
    ];
    const twice = Uint8Array.from([...frame, ...frame]);
    expect(new TextDecoder().decode(decompressOk("snappy", twice))).toBe("abcdabcdxyzabcdabcdxyz");
  });

  it("reads an overlapping copy (a run) and a 2-byte-offset copy", () => {
    // "ab" then copy length 10 from offset 2 (copy-2 tag: (10-1)<<2 | 2), then copy-1 length 4 offset 12.
    const block = Uint8Array.of(16, 0x04, 0x61, 0x62, (9 << 2) | 2, 2, 0, 0x01, 12);
    expect(new TextDecoder().decode(decompressOk("snappy", block))).toBe("abababababab" + "abab");
  });

  it("refuses a preamble claiming more than the limit without allocating it", () => {
    const claimsFourGiB = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f, 0x00);
    const result = compressionCodec("snappy").decompress(claimsFourGiB, LIMIT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("size-limit");
  });

  it("refuses a literal whose 4-byte length is negative in 32-bit arithmetic", () => {
    // A literal with a 4-byte length 0xfffffffe: snappyjs would walk backwards forever.
    const hostile = Uint8Array.of(10, 63 << 2, 0xfe, 0xff, 0xff, 0xff, 0x61);
    const result = compressionCodec("snappy").decompress(hostile, LIMIT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("corrupt");
  });

  it("refuses copies before the start of the output and short output", () => {
    expect(compressionCodec("snappy").decompress(Uint8Array.of(4, 0x01, 0x01), LIMIT).ok).toBe(
      false,
    );
    expect(
      compressionCodec("snappy").decompress(Uint8Array.of(5, 0x0c, 0x61, 0x62, 0x63, 0x64), LIMIT)
        .ok,
    ).toBe(false);
  });
});

describe("lz4", () => {
  it("writes Kafka's frame header: FLG 0x60 (independent blocks), BD 0x40 (64 KiB), a valid HC", () => {
    const frame = compressOk("lz4", fixtureText());
    expect(Array.from(frame.subarray(0, 6))).toEqual([0x04, 0x22, 0x4d, 0x18, 0x60, 0x40]);
    expect(frame[6]).toBe((xxhash32(frame, 0, 4, 6) >>> 8) & 0xff);
    expect(Array.from(frame.subarray(frame.length - 4))).toEqual([0, 0, 0, 0]);
  });

  it("reads what the lz4 command-line tool writes (content checksum, 256 KiB blocks)", () => {
    expectBytesEqual(decompressOk("lz4", fromBase64(TEXT_LZ4_CLI_DEFAULT)), fixtureText());
  });

  it("reads block checksums and a content size, and verifies them", () => {
    const frame = fromBase64(TEXT_LZ4_CLI_CHECKSUMMED);
    expectBytesEqual(decompressOk("lz4", frame), fixtureText());
    const damagedChecksum = frame.slice();
    damagedChecksum[frame.length - 1]! ^= 0xff; // the content checksum
    expect(compressionCodec("lz4").decompress(damagedChecksum, LIMIT).ok).toBe(false);
  });

  it("refuses dependent blocks and a wrong header checksum, as Kafka does", () => {
    const frame = fromBase64(TEXT_LZ4_CLI_DEFAULT);
    const dependent = frame.slice();
    dependent[4] = dependent[4]! & ~0x20;
    dependent[6] = (xxhash32(dependent, 0, 4, 6) >>> 8) & 0xff;
    const result = compressionCodec("lz4").decompress(dependent, LIMIT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("dependent");
    const badChecksum = frame.slice();
    badChecksum[6]! ^= 0xff;
    expect(compressionCodec("lz4").decompress(badChecksum, LIMIT).ok).toBe(false);
  });

  /** A frame as Kafka writes it (FLG 0x60, BD 0x40) around hand-made blocks. */
  function frameOf(...blocks: number[][]): Uint8Array {
    const header = [0x04, 0x22, 0x4d, 0x18, 0x60, 0x40];
    const checksum = (xxhash32(Uint8Array.from(header), 0, 4, 6) >>> 8) & 0xff;
    const body = blocks.flatMap((block) => [block.length, 0, 0, 0, ...block]);
    return Uint8Array.from([...header, checksum, ...body, 0, 0, 0, 0]);
  }

  it("reads hand-made blocks: literals, an overlapping match, then literals", () => {
    // "ab", then a match of 6 at offset 2 ("ababab"), then the last literals "xyz".
    const block = [0x22, 0x61, 0x62, 0x02, 0x00, 0x30, 0x78, 0x79, 0x7a];
    expect(new TextDecoder().decode(decompressOk("lz4", frameOf(block)))).toBe("abababab" + "xyz");
  });

  it("refuses a match that reaches before its block (blocks are independent)", () => {
    const first = [0x40, 0x61, 0x62, 0x63, 0x64]; // "abcd"
    const reachesBack = [0x10, 0x78, 0x03, 0x00, 0x10, 0x79]; // "x", match at offset 3, "y"
    const result = compressionCodec("lz4").decompress(frameOf(first, reachesBack), LIMIT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("reaches outside the block");
    expect(
      compressionCodec("lz4").decompress(frameOf([0x10, 0x78, 0x05, 0x00, 0x10, 0x79]), LIMIT).ok,
    ).toBe(false);
    expect(decompressOk("lz4", frameOf(first, [0x10, 0x78, 0x01, 0x00, 0x10, 0x79])).length).toBe(
      4 + 6,
    );
  });

  it("refuses a declared content size above the limit before decoding", () => {
    const frame = fromBase64(TEXT_LZ4_CLI_CHECKSUMMED);
    const result = compressionCodec("lz4").decompress(frame, 1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("size-limit");
  });
});

describe("zstd", () => {
  it("reads what the zstd command-line tool writes, with and without a content size", () => {
    expectBytesEqual(decompressOk("zstd", fromBase64(TEXT_ZSTD_CLI_SIZED)), fixtureText());
    expectBytesEqual(decompressOk("zstd", fromBase64(TEXT_ZSTD_CLI_STREAMED)), fixtureText());
  });

  it("refuses a frame whose declared size is above the limit", () => {
    const result = compressionCodec("zstd").decompress(fromBase64(TEXT_ZSTD_CLI_SIZED), 1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("size-limit");
  });

  it("refuses a frame without a declared size once it outgrows the limit", () => {
    const result = compressionCodec("zstd").decompress(fromBase64(TEXT_ZSTD_CLI_STREAMED), 100_000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("size-limit");
  });

  it("refuses a header claiming 2^40 bytes without calling the library", () => {
    // magic, descriptor: 8-byte content size + single segment, then the size.
    const claim = Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
    const result = compressionCodec("zstd").decompress(claim, LIMIT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("size-limit");
  });
});
