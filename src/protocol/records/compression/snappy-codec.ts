/**
 * Snappy, compression type 2. Kafka's Java client writes it through xerial snappy-java's
 * SnappyOutputStream, so that is what this codec writes:
 *
 *   header: 0x82 'S' 'N' 'A' 'P' 'P' 'Y' 0x00, int32 version (1), int32 compatible version (1)
 *   then blocks: int32 compressed length (big-endian), one raw Snappy block
 *
 * with input cut into 32 KiB blocks (SnappyOutputStream's default). Reading accepts that
 * framing (also several framed streams back to back, as snappy-java does) and a bare raw
 * Snappy block, which is what some other clients send.
 *
 * Compression uses snappyjs; decompression uses the bounded decoder in snappy-block.ts.
 */
import snappy from "snappyjs";
import type { CompressionCodec } from "./compression-codec.ts";
import { codecFailure, codecOk, type CodecResult } from "./compression-error.ts";
import { GrowableOutput } from "./growable-output.ts";
import { decodeSnappyBlock } from "./snappy-block.ts";

const XERIAL_MAGIC = Uint8Array.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_VERSION = 1;
const XERIAL_COMPATIBLE_VERSION = 1;
const XERIAL_HEADER_BYTES = XERIAL_MAGIC.length + 8;
const XERIAL_BLOCK_BYTES = 32 * 1024;

function startsWithXerialMagic(data: Uint8Array, position: number): boolean {
  if (data.length - position < XERIAL_MAGIC.length) return false;
  for (let index = 0; index < XERIAL_MAGIC.length; index++) {
    if (data[position + index] !== XERIAL_MAGIC[index]) return false;
  }
  return true;
}

function compress(data: Uint8Array): CodecResult {
  const blocks: Uint8Array[] = [];
  let total = XERIAL_HEADER_BYTES;
  for (let start = 0; start < data.length; start += XERIAL_BLOCK_BYTES) {
    const block = snappy.compress(data.subarray(start, start + XERIAL_BLOCK_BYTES));
    blocks.push(block);
    total += 4 + block.length;
  }
  const framed = new Uint8Array(total);
  const view = new DataView(framed.buffer);
  framed.set(XERIAL_MAGIC, 0);
  view.setInt32(XERIAL_MAGIC.length, XERIAL_VERSION);
  view.setInt32(XERIAL_MAGIC.length + 4, XERIAL_COMPATIBLE_VERSION);
  let position = XERIAL_HEADER_BYTES;
  for (const block of blocks) {
    view.setInt32(position, block.length);
    framed.set(block, position + 4);
    position += 4 + block.length;
  }
  return codecOk(framed);
}

function failureOf(decoded: { sizeLimit: boolean; detail: string }): CodecResult {
  return codecFailure(decoded.sizeLimit ? "size-limit" : "corrupt", "snappy", decoded.detail);
}

/** Decodes one block onto the end of `output`; null on success. */
function decodeRawBlock(block: Uint8Array, output: GrowableOutput): CodecResult | null {
  const decoded = decodeSnappyBlock(block, output.limitBytes - output.length);
  if (!decoded.ok) return failureOf(decoded);
  if (!output.append(decoded.value)) {
    return codecFailure("size-limit", "snappy", `output exceeds ${output.limitBytes} bytes`);
  }
  return null;
}

function decompressXerial(data: Uint8Array, decompressedBytesMax: number): CodecResult {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const output = new GrowableOutput(Math.min(data.length * 3, 1 << 20), decompressedBytesMax);
  let position = 0;
  while (position < data.length) {
    if (startsWithXerialMagic(data, position)) {
      if (data.length - position < XERIAL_HEADER_BYTES) {
        return codecFailure("corrupt", "snappy", "xerial header cut short");
      }
      position += XERIAL_HEADER_BYTES;
      continue;
    }
    if (data.length - position < 4) {
      return codecFailure("corrupt", "snappy", "xerial block length cut short");
    }
    const blockBytes = view.getInt32(position);
    position += 4;
    if (blockBytes < 0 || blockBytes > data.length - position) {
      return codecFailure("corrupt", "snappy", `xerial block of ${blockBytes} bytes does not fit`);
    }
    const failure = decodeRawBlock(data.subarray(position, position + blockBytes), output);
    if (failure !== null) return failure;
    position += blockBytes;
  }
  return codecOk(output.result());
}

function decompress(data: Uint8Array, decompressedBytesMax: number): CodecResult {
  if (startsWithXerialMagic(data, 0)) return decompressXerial(data, decompressedBytesMax);
  const decoded = decodeSnappyBlock(data, decompressedBytesMax);
  return decoded.ok ? codecOk(decoded.value) : failureOf(decoded);
}

export const snappyCodec: CompressionCodec = { type: "snappy", compress, decompress };
