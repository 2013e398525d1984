/**
 * LZ4, compression type 3, in the LZ4 frame format (lz4_Frame_format.md), as Kafka's
 * Lz4BlockOutputStream writes it for magic 2:
 *
 *   magic 0x184D2204 (little-endian) | FLG | BD | HC | blocks | end mark (int32 0)
 *
 * FLG 0x60 = version 01, independent blocks, no checksums, no content size; BD 0x40 =
 * 64 KiB maximum block size; HC = second byte of XXH32(FLG, BD). Each block is an int32
 * little-endian size (high bit set: stored uncompressed) and its bytes.
 *
 * Blocks are compressed with lz4js's block compressor. Reading accepts everything Kafka's
 * reader accepts (block and content checksums, a content size, any block size from 64 KiB
 * to 4 MiB) and, like Kafka, refuses dependent blocks and dictionaries.
 */
import lz4 from "lz4js";
import type { CompressionCodec } from "./compression-codec.ts";
import { codecFailure, codecOk, type CodecResult } from "./compression-error.ts";
import { GrowableOutput } from "./growable-output.ts";
import { decodeLz4Block } from "./lz4-block.ts";
import { xxhash32 } from "./xxhash32.ts";

const FRAME_MAGIC = 0x184d2204;
const FLG_VERSION_MASK = 0xc0;
const FLG_VERSION_01 = 0x40;
const FLG_BLOCK_INDEPENDENCE = 0x20;
const FLG_BLOCK_CHECKSUM = 0x10;
const FLG_CONTENT_SIZE = 0x08;
const FLG_CONTENT_CHECKSUM = 0x04;
const FLG_RESERVED = 0x02;
const FLG_DICTIONARY_ID = 0x01;
const BD_64_KIB = 0x40;
const BLOCK_UNCOMPRESSED_FLAG = 0x80000000;

/**
 * Input per block: a little under the 64 KiB maximum. lz4js may start a block's last match
 * up to 9 bytes before the block's end, while the LZ4 spec asks for 12; decoders that
 * decompress a block into a buffer of exactly the maximum size (lz4-java in Kafka, liblz4)
 * reject that only when the block fills the buffer, so a block never does.
 */
const BLOCK_INPUT_BYTES = 64 * 1024 - 16;
const HASH_TABLE_ENTRIES = 1 << 16;

function writeUint32LittleEndian(bytes: Uint8Array, index: number, value: number): void {
  bytes[index] = value & 0xff;
  bytes[index + 1] = (value >>> 8) & 0xff;
  bytes[index + 2] = (value >>> 16) & 0xff;
  bytes[index + 3] = (value >>> 24) & 0xff;
}

function readUint32LittleEndian(bytes: Uint8Array, index: number): number {
  return (
    (bytes[index]! |
      (bytes[index + 1]! << 8) |
      (bytes[index + 2]! << 16) |
      (bytes[index + 3]! << 24)) >>>
    0
  );
}

function compress(data: Uint8Array): CodecResult {
  const blockCount = Math.ceil(data.length / BLOCK_INPUT_BYTES);
  const worstCase = 7 + blockCount * (4 + lz4.compressBound(BLOCK_INPUT_BYTES)) + 4;
  const frame = new Uint8Array(worstCase);
  writeUint32LittleEndian(frame, 0, FRAME_MAGIC);
  frame[4] = FLG_VERSION_01 | FLG_BLOCK_INDEPENDENCE;
  frame[5] = BD_64_KIB;
  frame[6] = (xxhash32(frame, 0, 4, 6) >>> 8) & 0xff;
  let position = 7;
  const hashTable = new Uint32Array(HASH_TABLE_ENTRIES);
  const scratch = new Uint8Array(lz4.compressBound(BLOCK_INPUT_BYTES));
  for (let start = 0; start < data.length; start += BLOCK_INPUT_BYTES) {
    const block = data.subarray(start, Math.min(data.length, start + BLOCK_INPUT_BYTES));
    // A cleared table per block keeps blocks independent and the output deterministic.
    hashTable.fill(0);
    const compressedBytes = lz4.compressBlock(block, scratch, 0, block.length, hashTable);
    if (compressedBytes === 0 || compressedBytes >= block.length) {
      writeUint32LittleEndian(frame, position, (block.length | BLOCK_UNCOMPRESSED_FLAG) >>> 0);
      frame.set(block, position + 4);
      position += 4 + block.length;
    } else {
      writeUint32LittleEndian(frame, position, compressedBytes);
      frame.set(scratch.subarray(0, compressedBytes), position + 4);
      position += 4 + compressedBytes;
    }
  }
  writeUint32LittleEndian(frame, position, 0); // end mark
  position += 4;
  return codecOk(frame.slice(0, position));
}

function decompress(data: Uint8Array, decompressedBytesMax: number): CodecResult {
  const corrupt = (detail: string) => codecFailure("corrupt", "lz4", detail);
  if (data.length < 7) return corrupt("frame header cut short");
  if (readUint32LittleEndian(data, 0) !== FRAME_MAGIC)
    return corrupt("not an LZ4 frame (bad magic)");
  const flags = data[4]!;
  const blockDescriptor = data[5]!;
  if ((flags & FLG_VERSION_MASK) !== FLG_VERSION_01) return corrupt("unsupported frame version");
  if (flags & FLG_RESERVED || blockDescriptor & 0x8f) return corrupt("reserved bits set");
  if (flags & FLG_DICTIONARY_ID) return corrupt("dictionary frames are unsupported");
  if (!(flags & FLG_BLOCK_INDEPENDENCE)) return corrupt("dependent block stream is unsupported");
  const blockSizeCode = (blockDescriptor >>> 4) & 0x07;
  if (blockSizeCode < 4) return corrupt(`invalid block size code ${blockSizeCode}`);
  const blockBytesMax = 1 << (2 * blockSizeCode + 8);

  let position = 6;
  let declaredContentBytes: number | null = null;
  if (flags & FLG_CONTENT_SIZE) {
    if (data.length < position + 9) return corrupt("content size cut short");
    const low = readUint32LittleEndian(data, position);
    const high = readUint32LittleEndian(data, position + 4);
    declaredContentBytes = high * 2 ** 32 + low;
    position += 8;
  }
  if (data[position] !== ((xxhash32(data, 0, 4, position) >>> 8) & 0xff)) {
    return corrupt("frame descriptor checksum mismatch");
  }
  position += 1;
  if (declaredContentBytes !== null && declaredContentBytes > decompressedBytesMax) {
    return codecFailure(
      "size-limit",
      "lz4",
      `frame declares ${declaredContentBytes} bytes, more than the ${decompressedBytesMax} allowed`,
    );
  }

  const output = new GrowableOutput(Math.min(data.length * 4, 1 << 20), decompressedBytesMax);
  for (;;) {
    if (data.length - position < 4) return corrupt("block size cut short");
    const sizeField = readUint32LittleEndian(data, position);
    position += 4;
    if (sizeField === 0) break; // end mark
    const stored = (sizeField & BLOCK_UNCOMPRESSED_FLAG) !== 0;
    const blockBytes = sizeField & ~BLOCK_UNCOMPRESSED_FLAG;
    if (blockBytes > blockBytesMax)
      return corrupt(`block of ${blockBytes} bytes exceeds ${blockBytesMax}`);
    const checksumBytes = flags & FLG_BLOCK_CHECKSUM ? 4 : 0;
    if (blockBytes + checksumBytes > data.length - position) return corrupt("block cut short");
    const block = data.subarray(position, position + blockBytes);
    position += blockBytes;
    if (checksumBytes !== 0) {
      if (xxhash32(block) !== readUint32LittleEndian(data, position)) {
        return corrupt("block checksum mismatch");
      }
      position += 4;
    }
    const budget = output.limitBytes - output.length;
    const room = Math.min(blockBytesMax, budget);
    if (stored) {
      if (blockBytes > room) {
        return blockBytes > budget
          ? codecFailure("size-limit", "lz4", `output exceeds ${decompressedBytesMax} bytes`)
          : corrupt("stored block exceeds the block size");
      }
      output.append(block);
      continue;
    }
    output.ensure(room);
    const decoded = decodeLz4Block(block, output.bytes, output.length, output.length + room);
    if (!decoded.ok) {
      if (decoded.overflow && room < blockBytesMax) {
        return codecFailure("size-limit", "lz4", `output exceeds ${decompressedBytesMax} bytes`);
      }
      return corrupt(decoded.detail);
    }
    output.length = decoded.end;
  }
  const content = output.result();
  if (flags & FLG_CONTENT_CHECKSUM) {
    if (data.length - position < 4) return corrupt("content checksum cut short");
    if (xxhash32(content) !== readUint32LittleEndian(data, position)) {
      return corrupt("content checksum mismatch");
    }
  }
  if (declaredContentBytes !== null && declaredContentBytes !== content.length) {
    return corrupt(`frame declares ${declaredContentBytes} bytes but holds ${content.length}`);
  }
  return codecOk(content);
}

export const lz4Codec: CompressionCodec = { type: "lz4", compress, decompress };
