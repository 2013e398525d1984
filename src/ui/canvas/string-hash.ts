/**
 * A small, stable string hash (32-bit FNV-1a): the same name gets the same colour on every
 * visit and in every tab, without keeping a table of names seen.
 */
export function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
