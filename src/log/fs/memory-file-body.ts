/**
 * One file of the memory backend, as two layers: what was written (what a reader sees now,
 * and what the OS page cache would hold) and what was flushed (what survives a power cut).
 *
 * A flush copies only the bytes changed since the last flush (tracked as one dirty range),
 * so the model-based log tests, which append and flush constantly, stay linear in the
 * bytes they write.
 */
import { GrowableBytes } from "./growable-bytes.ts";

export class MemoryFileBody {
  /** Bytes of `written` in [dirtyStart, dirtyEnd) may differ from `flushed`; empty when start >= end. */
  private dirtyStart = Number.POSITIVE_INFINITY;
  private dirtyEnd = 0;

  private constructor(
    readonly written: GrowableBytes,
    private flushed: GrowableBytes,
  ) {}

  static empty(): MemoryFileBody {
    return new MemoryFileBody(new GrowableBytes(), new GrowableBytes());
  }

  get size(): number {
    return this.written.size;
  }

  get flushedSize(): number {
    return this.flushed.size;
  }

  /** Copies `data` in at `position`; a gap between the old end and `position` reads as zeros. */
  write(position: number, data: Uint8Array): void {
    if (data.length === 0) return;
    // The gap is dirty too: the flushed layer may still hold older bytes there.
    this.markDirty(Math.min(position, this.written.size), position + data.length);
    this.written.write(position, data);
  }

  truncate(size: number): void {
    // Growing exposes zeros the flushed layer may not have; shrinking needs no mark because
    // a flush cuts the flushed layer to the written size.
    if (size > this.written.size) this.markDirty(this.written.size, size);
    this.written.resize(size);
  }

  /** Makes the written layer durable. */
  flush(): void {
    this.flushed.resize(this.written.size);
    const end = Math.min(this.dirtyEnd, this.written.size);
    if (this.dirtyStart < end) {
      this.flushed.write(
        this.dirtyStart,
        this.written.read(this.dirtyStart, end - this.dirtyStart),
      );
    }
    this.dirtyStart = Number.POSITIVE_INFINITY;
    this.dirtyEnd = 0;
  }

  /** The file as a power cut leaves it: only what was flushed. */
  afterPowerCut(): MemoryFileBody {
    return new MemoryFileBody(this.flushed.clone(), this.flushed);
  }

  private markDirty(start: number, end: number): void {
    if (start < this.dirtyStart) this.dirtyStart = start;
    if (end > this.dirtyEnd) this.dirtyEnd = end;
  }
}

/**
 * What is needed to tear the last write on a crash: where it went, how big the file was
 * before, and the bytes it overwrote (empty for an append, so appends copy nothing).
 */
export class LastWrite {
  private constructor(
    readonly body: MemoryFileBody,
    private readonly position: number,
    private readonly length: number,
    private readonly previousSize: number,
    private readonly overwritten: Uint8Array,
  ) {}

  /** Call before the write lands in `body`. */
  static before(body: MemoryFileBody, position: number, data: Uint8Array): LastWrite {
    const previousSize = body.size;
    const overwrittenLength = Math.max(0, Math.min(data.length, previousSize - position));
    const overwritten = body.written.read(position, overwrittenLength).slice();
    return new LastWrite(body, position, data.length, previousSize, overwritten);
  }

  /** Undoes all but the first `keepBytes` of the write in the written layer. */
  tear(keepBytes: number): void {
    const keep = Math.min(keepBytes, this.length);
    const cutStart = this.position + keep;
    const restoreEnd = Math.min(this.position + this.length, this.previousSize);
    if (cutStart < restoreEnd) {
      this.body.written.write(
        cutStart,
        this.overwritten.subarray(keep, restoreEnd - this.position),
      );
    }
    // A write torn to nothing did not extend the file, not even by its gap.
    const sizeAfterTear = keep > 0 ? Math.max(this.previousSize, cutStart) : this.previousSize;
    this.body.written.resize(sizeAfterTear);
  }
}
