/**
 * Kafka's key hash: the 32-bit MurmurHash2 of Java's `Utils.murmur2` (seed 0x9747b28c),
 * and `Utils.toPositive`. A key goes to `toPositive(murmur2(keyBytes)) % numPartitions`, so
 * this must agree with the Java client bit for bit, or the same key would land on different
 * partitions depending on which client wrote it. Java's `int` arithmetic wraps at 32 bits;
 * `Math.imul` and `| 0` do the same here, and `>>>` is Java's unsigned shift.
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/** Java's Utils.murmur2: a signed 32-bit hash of `data`. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const whole = length >> 2;
  // The body: 4 bytes at a time, little-endian.
  for (let index = 0; index < whole; index++) {
    const at = index << 2;
    let k = data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  // The tail: the last 1-3 bytes, highest first (Java's falling-through switch).
  const tail = whole << 2;
  const rest = length & 3;
  if (rest === 3) h ^= data[tail + 2]! << 16;
  if (rest >= 2) h ^= data[tail + 1]! << 8;
  if (rest >= 1) {
    h ^= data[tail]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Java's Utils.toPositive: clears the sign bit (not Math.abs, so -2^31 maps to 0). */
export function toPositive(value: number): number {
  return value & 0x7fffffff;
}

/** The partition Kafka's default partitioner gives a key among `numPartitions`. */
export function partitionForKey(keyBytes: Uint8Array, numPartitions: number): number {
  return toPositive(murmur2(keyBytes)) % numPartitions;
}
