/**
 * Reads the header of a Zstandard frame (RFC 8878, section 3.1.1) far enough to learn the
 * declared content size, so the decompressor can refuse a frame that claims more than the
 * caller allows before any memory is reserved for it.
 */

export type ZstdFrameHeader =
  | { ok: true; contentBytes: number | null } // null: the frame does not say
  | { ok: false; detail: string };

const FRAME_MAGIC = 0xfd2fb528;
const SKIPPABLE_MAGIC_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC_BASE = 0x184d2a50;

export function readZstdFrameHeader(data: Uint8Array): ZstdFrameHeader {
  if (data.length < 5) return { ok: false, detail: "frame header cut short" };
  const magic = (data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24)) >>> 0;
  if ((magic & SKIPPABLE_MAGIC_MASK) >>> 0 === SKIPPABLE_MAGIC_BASE) {
    return { ok: false, detail: "skippable frames are unsupported" };
  }
  if (magic !== FRAME_MAGIC) return { ok: false, detail: "not a zstd frame (bad magic)" };
  const descriptor = data[4]!;
  const contentSizeFlag = descriptor >>> 6;
  const singleSegment = (descriptor & 0x20) !== 0;
  if (descriptor & 0x08) return { ok: false, detail: "reserved bit set in frame header" };
  const dictionaryIdBytes = [0, 1, 2, 4][descriptor & 0x03]!;
  const contentSizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][contentSizeFlag]!;
  let position = 5 + (singleSegment ? 0 : 1) + dictionaryIdBytes;
  if (data.length < position + contentSizeBytes)
    return { ok: false, detail: "frame header cut short" };
  for (let index = position - dictionaryIdBytes; index < position; index++) {
    if (data[index] !== 0) return { ok: false, detail: "dictionary frames are unsupported" };
  }
  if (contentSizeBytes === 0) return { ok: true, contentBytes: null };
  let contentBytes = 0;
  for (let index = 0; index < contentSizeBytes; index++) {
    contentBytes += data[position++]! * 2 ** (8 * index);
  }
  if (contentSizeBytes === 2) contentBytes += 256;
  return { ok: true, contentBytes };
}
