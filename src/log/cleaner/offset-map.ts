/**
 * The cleaner's offset map: for each key in the dirty part of the log, the offset of its
 * latest record. Anything older with the same key can go.
 */
export class OffsetMap {
  private readonly latest = new Map<string, bigint>();

  /** Keys compare by their bytes; a string of char codes is a cheap exact map key. */
  static keyOf(key: Uint8Array): string {
    let text = "";
    for (let i = 0; i < key.length; i += 4096) {
      text += String.fromCharCode(...key.subarray(i, i + 4096));
    }
    return text;
  }

  put(key: Uint8Array, offset: bigint): void {
    this.latest.set(OffsetMap.keyOf(key), offset);
  }

  get(key: Uint8Array): bigint | undefined {
    return this.latest.get(OffsetMap.keyOf(key));
  }

  get size(): number {
    return this.latest.size;
  }
}
