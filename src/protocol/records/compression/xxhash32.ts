/**
 * xxHash32 (Yann Collet's XXH32), the checksum of the LZ4 frame format: the header
 * checksum byte, and the optional block and content checksums.
 */
const PRIME1 = 0x9e3779b1;
const PRIME2 = 0x85ebca77;
const PRIME3 = 0xc2b2ae3d;
const PRIME4 = 0x27d4eb2f;
const PRIME5 = 0x165667b1;

const rotateLeft = (value: number, bits: number) => (value << bits) | (value >>> (32 - bits));

function readUint32LittleEndian(bytes: Uint8Array, index: number): number {
  return (
    bytes[index]! | (bytes[index + 1]! << 8) | (bytes[index + 2]! << 16) | (bytes[index + 3]! << 24)
  );
}

function round(accumulator: number, lane: number): number {
  return Math.imul(rotateLeft((accumulator + Math.imul(lane, PRIME2)) | 0, 13), PRIME1);
}

/** XXH32 of bytes[start, end) with `seed`, unsigned. */
export function xxhash32(bytes: Uint8Array, seed = 0, start = 0, end = bytes.length): number {
  const length = end - start;
  let index = start;
  let hash: number;
  if (length >= 16) {
    let v1 = (seed + PRIME1 + PRIME2) | 0;
    let v2 = (seed + PRIME2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - PRIME1) | 0;
    const stripesEnd = end - 16;
    while (index <= stripesEnd) {
      v1 = round(v1, readUint32LittleEndian(bytes, index));
      v2 = round(v2, readUint32LittleEndian(bytes, index + 4));
      v3 = round(v3, readUint32LittleEndian(bytes, index + 8));
      v4 = round(v4, readUint32LittleEndian(bytes, index + 12));
      index += 16;
    }
    hash = (rotateLeft(v1, 1) + rotateLeft(v2, 7) + rotateLeft(v3, 12) + rotateLeft(v4, 18)) | 0;
  } else {
    hash = (seed + PRIME5) | 0;
  }
  hash = (hash + length) | 0;
  while (index + 4 <= end) {
    hash = (hash + Math.imul(readUint32LittleEndian(bytes, index), PRIME3)) | 0;
    hash = Math.imul(rotateLeft(hash, 17), PRIME4);
    index += 4;
  }
  while (index < end) {
    hash = (hash + Math.imul(bytes[index]!, PRIME5)) | 0;
    hash = Math.imul(rotateLeft(hash, 11), PRIME1);
    index++;
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, PRIME2);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, PRIME3);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
