/**
 * Decoder for one raw Snappy block (the format of google/snappy's format_description.txt):
 * a varint preamble with the uncompressed length, then elements, each a tag byte whose
 * low two bits say literal (00), copy with 1-byte offset (01), 2-byte offset (10) or
 * 4-byte offset (11).
 *
 * Written here rather than taken from snappyjs because snappyjs trusts its input: a
 * negative literal length walks its cursor backwards forever, and it allocates whatever
 * the preamble claims. Here every length and offset is checked against the bytes present
 * and the output promised, and the preamble is checked against the caller's budget before
 * anything is allocated.
 */

export type SnappyBlockResult =
  { ok: true; value: Uint8Array } | { ok: false; sizeLimit: boolean; detail: string };

const fail = (detail: string): SnappyBlockResult => ({ ok: false, sizeLimit: false, detail });

/** Reads the preamble: the uncompressed length, or null if malformed (over 32 bits). */
export function readSnappyPreamble(
  block: Uint8Array,
): { uncompressedBytes: number; headerBytes: number } | null {
  let value = 0;
  for (let index = 0; index < 5 && index < block.length; index++) {
    const byte = block[index]!;
    if (index === 4 && byte > 0x0f) return null;
    value += (byte & 0x7f) * 2 ** (7 * index);
    if ((byte & 0x80) === 0) return { uncompressedBytes: value, headerBytes: index + 1 };
  }
  return null;
}

export function decodeSnappyBlock(
  block: Uint8Array,
  uncompressedBytesMax: number,
): SnappyBlockResult {
  const preamble = readSnappyPreamble(block);
  if (preamble === null) return fail("malformed length preamble");
  const length = preamble.uncompressedBytes;
  if (length > uncompressedBytesMax) {
    return {
      ok: false,
      sizeLimit: true,
      detail: `block claims ${length} bytes, more than the ${uncompressedBytesMax} allowed`,
    };
  }
  // Each input byte yields at most 64 output bytes (a 3-byte copy of length 64 is the best
  // ratio), so a larger claim is a lie; refusing it keeps the allocation proportional.
  if (length > (block.length - preamble.headerBytes) * 64) {
    return fail(`block claims ${length} bytes, impossible from ${block.length} input bytes`);
  }
  const output = new Uint8Array(length);
  let input = preamble.headerBytes;
  let written = 0;
  while (input < block.length) {
    const tag = block[input++]!;
    const kind = tag & 0x03;
    if (kind === 0) {
      let literalBytes = (tag >>> 2) + 1;
      if (literalBytes > 60) {
        const extraBytes = literalBytes - 60; // 1 to 4 little-endian length bytes
        if (input + extraBytes > block.length) return fail("literal length cut short");
        literalBytes = 0;
        for (let index = 0; index < extraBytes; index++) {
          literalBytes += block[input + index]! * 2 ** (8 * index);
        }
        literalBytes += 1;
        input += extraBytes;
      }
      if (literalBytes > block.length - input) return fail("literal runs past the input");
      if (literalBytes > length - written) return fail("literal runs past the declared length");
      output.set(block.subarray(input, input + literalBytes), written);
      input += literalBytes;
      written += literalBytes;
      continue;
    }
    let copyBytes: number;
    let distance: number;
    if (kind === 1) {
      if (input + 1 > block.length) return fail("copy cut short");
      copyBytes = ((tag >>> 2) & 0x07) + 4;
      distance = ((tag >>> 5) << 8) | block[input]!;
      input += 1;
    } else if (kind === 2) {
      if (input + 2 > block.length) return fail("copy cut short");
      copyBytes = (tag >>> 2) + 1;
      distance = block[input]! | (block[input + 1]! << 8);
      input += 2;
    } else {
      if (input + 4 > block.length) return fail("copy cut short");
      copyBytes = (tag >>> 2) + 1;
      distance =
        (block[input]! |
          (block[input + 1]! << 8) |
          (block[input + 2]! << 16) |
          (block[input + 3]! << 24)) >>>
        0;
      input += 4;
    }
    if (distance === 0 || distance > written) return fail(`copy offset ${distance} is invalid`);
    if (copyBytes > length - written) return fail("copy runs past the declared length");
    // Byte by byte: source and destination may overlap (a run repeating its own output).
    for (let index = 0; index < copyBytes; index++) {
      output[written] = output[written - distance]!;
      written++;
    }
  }
  if (written !== length) return fail(`decoded ${written} bytes, preamble says ${length}`);
  return { ok: true, value: output };
}
