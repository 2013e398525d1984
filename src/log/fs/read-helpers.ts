/**
 * The two ways a backend gets `read` and `readInto` from one another: backends that read
 * into caller memory natively (node:fs, OPFS) allocate for `read`; backends that hold
 * bytes in memory (memory, IndexedDB) copy for `readInto`.
 */
interface ReadsInto {
  size(): number;
  readInto(position: number, target: Uint8Array): number;
}

interface ReadsViews {
  read(position: number, length: number): Uint8Array;
}

/** `read` for a backend that reads into caller memory: a new array of what is there. */
export function readByAllocating(file: ReadsInto, position: number, length: number): Uint8Array {
  const buffer = new Uint8Array(Math.max(0, Math.min(length, file.size() - position)));
  const filled = file.readInto(position, buffer);
  return filled === buffer.length ? buffer : buffer.subarray(0, filled);
}

/** `readInto` for a backend that hands out views of bytes it holds. */
export function readIntoByCopying(file: ReadsViews, position: number, target: Uint8Array): number {
  const bytes = file.read(position, target.length);
  target.set(bytes);
  return bytes.length;
}
