/**
 * Decoder for one LZ4 block (lz4_Block_format.md): sequences of a token byte (high nibble
 * literal count, low nibble match length - 4, 15 meaning "more bytes follow"), the
 * literals, then a 2-byte little-endian match offset; the last sequence has literals only.
 *
 * Written here rather than taken from lz4js because lz4js trusts its input (it reads past
 * the end as zeros, writes past its buffer, and follows block sizes up to 2 GiB). Every
 * length and offset here is checked against the input, the block's output bound and the
 * start of the block (Kafka's frames use independent blocks, so a match may not reach into
 * an earlier block).
 */

/** `overflow`: the block decodes to more than `outputLimit` allows (as opposed to bad bytes). */
export type Lz4BlockResult =
  { ok: true; end: number } | { ok: false; overflow: boolean; detail: string };

const corrupt = (detail: string): Lz4BlockResult => ({ ok: false, overflow: false, detail });
const overflow = (detail: string): Lz4BlockResult => ({ ok: false, overflow: true, detail });

/**
 * Decodes `block` into `output` starting at `outputStart`, writing no further than
 * `outputLimit`. Returns the output position after the block.
 */
export function decodeLz4Block(
  block: Uint8Array,
  output: Uint8Array,
  outputStart: number,
  outputLimit: number,
): Lz4BlockResult {
  let input = 0;
  let out = outputStart;
  const inputEnd = block.length;
  while (input < inputEnd) {
    const token = block[input++]!;
    let literalBytes = token >>> 4;
    if (literalBytes === 15) {
      for (;;) {
        if (input >= inputEnd) return corrupt("literal length cut short");
        const more = block[input++]!;
        literalBytes += more;
        if (more !== 255) break;
      }
    }
    if (literalBytes > inputEnd - input) return corrupt("literals run past the block");
    if (literalBytes > outputLimit - out) return overflow("literals overflow the block size");
    output.set(block.subarray(input, input + literalBytes), out);
    input += literalBytes;
    out += literalBytes;
    if (input === inputEnd) break; // the last sequence carries literals only

    if (input + 2 > inputEnd) return corrupt("match offset cut short");
    const distance = block[input]! | (block[input + 1]! << 8);
    input += 2;
    if (distance === 0 || distance > out - outputStart) {
      return corrupt(`match offset ${distance} reaches outside the block`);
    }
    let matchBytes = (token & 0x0f) + 4;
    if ((token & 0x0f) === 15) {
      for (;;) {
        if (input >= inputEnd) return corrupt("match length cut short");
        const more = block[input++]!;
        matchBytes += more;
        if (more !== 255) break;
      }
    }
    if (matchBytes > outputLimit - out) return overflow("match overflows the block size");
    if (distance >= matchBytes) {
      output.copyWithin(out, out - distance, out - distance + matchBytes);
      out += matchBytes;
    } else {
      // Overlapping: the match repeats bytes it is itself producing.
      for (let index = 0; index < matchBytes; index++) {
        output[out] = output[out - distance]!;
        out++;
      }
    }
  }
  return { ok: true, end: out };
}
