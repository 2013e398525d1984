/**
 * An open file of the IndexedDB backend. IndexedDB is asynchronous and the port's data
 * operations are not, so the whole file is loaded into memory on open; reads and writes
 * work on that copy, and changed chunks are written behind to the database:
 *
 * - A write marks the 64 KiB chunks it touches dirty and schedules a persist for the end of
 *   the current task, so a burst of appends becomes one transaction. While that persist is
 *   committing, later writes wait for it and then go in one transaction together: a stream
 *   of appends made in separate tasks (one produce request each) becomes a few large
 *   transactions, not one per task (each costs milliseconds and rewrites a whole chunk).
 * - Persists are issued in order (IndexedDB runs overlapping read-write transactions in the
 *   order they were created), each writing the dirty chunks and the size together, so the
 *   database always holds the file as it was at some persist: never a mix.
 * - `flush` persists what is still dirty with strict durability and waits for every persist
 *   before it. A failed persist marks the whole file dirty again, and the next flush (or
 *   close) rejects with its error.
 *
 * What a killed worker loses: the writes since the last persist that committed, which is at
 * most what was written since the last flush. That is the port's contract (unflushed data
 * may be lost, like after a power cut); the tail is never torn mid-chunk, because each
 * persist is one transaction.
 *
 * Memory: an open file costs its size in memory, so the log should keep few large files
 * open (the playground's segments are small).
 */
import { readIntoByCopying } from "../../log/fs/read-helpers.ts";
import { StorageError, type StorageFile } from "../../log/fs/file-system.ts";
import { GrowableBytes } from "../../log/fs/growable-bytes.ts";
import { checkByteRange } from "../../log/fs/open-file-registry.ts";
import {
  CHUNK_BYTES,
  chunkCount,
  chunksFrom,
  toStorageError,
  type Database,
} from "./indexeddb-store.ts";

export class IndexedDbStorageFile implements StorageFile {
  private closed = false;
  private readonly dirtyChunks = new Set<number>();
  /** The size the database holds (or will once the issued persists commit). */
  private persistedSizeBytes: number;
  /**
   * The smallest size since the last persist: the chunks from there on hold bytes that a
   * truncation cut off, even if the file grew back since, so the next persist deletes them.
   */
  private lowestSizeBytes: number;
  /** Whether a relaxed write-behind committed since the last strict flush. */
  private persistedSinceFlush = false;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  /** A write-behind persist is issued and not yet committed: the next one waits for it. */
  private writeBehindInFlight = false;
  /** Every issued persist, in order; never rejects (failures land in `persistFailure`). */
  private persists: Promise<void> = Promise.resolve();
  private persistFailure: StorageError | null = null;

  constructor(
    private readonly database: Database,
    readonly path: string,
    private readonly body: GrowableBytes,
    private readonly release: () => void,
  ) {
    this.persistedSizeBytes = body.size;
    this.lowestSizeBytes = body.size;
  }

  size(): number {
    this.assertOpen();
    return this.body.size;
  }

  read(position: number, length: number): Uint8Array {
    this.assertOpen();
    checkByteRange("read", position, length);
    return this.body.read(position, length);
  }

  readInto(position: number, target: Uint8Array): number {
    return readIntoByCopying(this, position, target);
  }

  write(position: number, data: Uint8Array): void {
    this.assertOpen();
    checkByteRange("write", position, data.length);
    if (data.length === 0) return;
    // A gap past the old end needs no chunks: missing bytes read as zeros on load.
    this.markDirty(position, position + data.length);
    this.body.write(position, data);
    this.schedulePersist();
  }

  append(data: Uint8Array): number {
    this.assertOpen();
    const position = this.body.size;
    this.write(position, data);
    return position;
  }

  truncate(size: number): void {
    this.assertOpen();
    checkByteRange("truncate", size);
    // Growing writes nothing but the size (Kafka preallocates 10 MiB index files this way).
    // Shrinking must cut the chunk the new end falls in: the database may hold no bytes
    // past a file's end, or growing it again would bring them back.
    if (size < this.body.size && size % CHUNK_BYTES !== 0)
      this.dirtyChunks.add(Math.floor(size / CHUNK_BYTES));
    if (size < this.lowestSizeBytes) this.lowestSizeBytes = size;
    this.body.resize(size);
    this.schedulePersist();
  }

  async flush(): Promise<void> {
    this.assertOpen();
    await this.flushUnchecked();
  }

  async close(): Promise<void> {
    this.assertOpen();
    this.closed = true;
    this.release();
    if (this.persistTimer !== null) clearTimeout(this.persistTimer);
    await this.flushUnchecked();
  }

  private async flushUnchecked(): Promise<void> {
    if (this.hasUnpersistedChanges() || this.persistedSinceFlush) this.persist("strict");
    this.persistedSinceFlush = false;
    await this.persists;
    const failure = this.persistFailure;
    if (failure !== null) {
      this.persistFailure = null;
      throw failure;
    }
  }

  private hasUnpersistedChanges(): boolean {
    return (
      this.dirtyChunks.size > 0 ||
      this.body.size !== this.persistedSizeBytes ||
      this.lowestSizeBytes < this.persistedSizeBytes
    );
  }

  private schedulePersist(): void {
    if (this.persistTimer !== null || this.writeBehindInFlight) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      if (this.closed || !this.hasUnpersistedChanges()) return;
      this.persist("relaxed");
      this.persistedSinceFlush = true;
      this.writeBehindInFlight = true;
      void this.persists.then(() => {
        this.writeBehindInFlight = false;
        // After a failure the next flush reports it; retrying here would rewrite the whole
        // file over and over while the database keeps refusing.
        if (!this.closed && this.persistFailure === null && this.hasUnpersistedChanges()) {
          this.schedulePersist();
        }
      });
    }, 0);
  }

  /**
   * Issues one transaction with every dirty chunk and the size. The puts are issued now,
   * synchronously, so the transaction captures the file exactly as it is at this moment.
   */
  private persist(durability: IDBTransactionDurability): void {
    const sizeBytes = this.body.size;
    let committed: Promise<void>;
    try {
      const transaction = this.database.transaction(["entries", "chunks"], "readwrite", {
        durability,
      });
      const chunks = transaction.objectStore("chunks");
      const requests: Promise<unknown>[] = [transaction.done];
      // Requests run in the order issued: delete what was cut off first, then put.
      if (this.lowestSizeBytes < this.persistedSizeBytes) {
        requests.push(chunks.delete(chunksFrom(this.path, chunkCount(this.lowestSizeBytes))));
      }
      for (const index of this.dirtyChunks) {
        const start = index * CHUNK_BYTES;
        if (start >= sizeBytes) continue; // cut off by a later truncation
        // slice(), not a view: structured cloning a view would copy its whole buffer.
        requests.push(chunks.put(this.body.read(start, CHUNK_BYTES).slice(), [this.path, index]));
      }
      requests.push(transaction.objectStore("entries").put({ kind: "file", sizeBytes }, this.path));
      committed = Promise.all(requests).then(
        () => undefined,
        (error: unknown) => this.recordFailure(error),
      );
    } catch (error) {
      // The transaction could not even start (the database was closed, say).
      committed = Promise.resolve().then(() => this.recordFailure(error));
    }
    this.dirtyChunks.clear();
    this.persistedSizeBytes = sizeBytes;
    this.lowestSizeBytes = sizeBytes;
    this.persists = this.persists.then(() => committed);
  }

  private recordFailure(error: unknown): void {
    this.persistFailure ??= toStorageError(error, this.path);
    // What that transaction carried is lost: write the whole file again next time, after
    // deleting every chunk (the database may hold any mix of older persists).
    this.markDirty(0, this.body.size);
    this.persistedSizeBytes = Number.POSITIVE_INFINITY;
    this.lowestSizeBytes = 0;
  }

  private markDirty(start: number, end: number): void {
    if (end <= start) return;
    const last = Math.floor((end - 1) / CHUNK_BYTES);
    for (let index = Math.floor(start / CHUNK_BYTES); index <= last; index++)
      this.dirtyChunks.add(index);
  }

  private assertOpen(): void {
    if (this.closed) throw new StorageError("closed", this.path, "the file is closed");
  }
}
