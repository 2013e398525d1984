/**
 * Kafka's Uuid (topic ids, directory ids) as the string Kafka prints: 16 bytes in
 * URL-safe base64 without padding, 22 characters. Strings keep ids comparable with ===.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const INDEX = new Map([...ALPHABET].map((char, i) => [char, i]));

export type Uuid = string;
export const ZERO_UUID: Uuid = "AAAAAAAAAAAAAAAAAAAAAA";

export function uuidFromBytes(bytes: Uint8Array): Uuid {
  let out = "";
  let bits = 0;
  let bitCount = 0;
  for (const byte of bytes) {
    bits = (bits << 8) | byte;
    bitCount += 8;
    while (bitCount >= 6) {
      bitCount -= 6;
      out += ALPHABET[(bits >> bitCount) & 63];
    }
  }
  if (bitCount > 0) out += ALPHABET[(bits << (6 - bitCount)) & 63];
  return out;
}

/** The 16 bytes of a Uuid string, or null when the string is not one. */
export function uuidToBytes(uuid: Uuid): Uint8Array | null {
  if (uuid.length !== 22) return null;
  const out = new Uint8Array(16);
  let bits = 0;
  let bitCount = 0;
  let at = 0;
  for (const char of uuid) {
    const value = INDEX.get(char);
    if (value === undefined) return null;
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      if (at < 16) out[at++] = (bits >> bitCount) & 0xff;
    }
  }
  // The last character carries 2 bits of padding, which must be zero in canonical form.
  if ((bits & ((1 << bitCount) - 1)) !== 0) return null;
  return out;
}
