/**
 * The log engine's only view of storage: a small file-like port. Four backends implement
 * it (memory here; OPFS and IndexedDB in runtime/web-worker; node:fs in runtime/node), and
 * all pass one contract suite (file-system-contract.ts).
 *
 * Data operations on an open file are synchronous, because OPFS sync access handles and
 * node:fs are, and the hot append/read path should not pay for a promise per call.
 * Operations that create, find or remove files, and flushing, are asynchronous, because
 * OPFS can only open a file and IndexedDB can only persist asynchronously.
 *
 * Paths are '/'-separated and relative to the backend's root, e.g.
 * "broker-1/orders-0/00000000000000000000.log"; "" is the root itself. Leading and trailing
 * slashes are ignored; an empty, "." or ".." segment is a programmer error and throws a
 * plain Error (see storage-path.ts). Directories exist implicitly for the files under them
 * (opening with `create` makes the missing parents), and `mkdir` makes an empty one; a
 * directory stays when the last file in it is deleted. A path is a file or a directory,
 * never both: using one as the other fails with `io-error`.
 *
 * A file is open at most once at a time (OPFS sync access handles are exclusive): opening
 * it again, renaming it, replacing it by a rename or deleting it (or a directory above it)
 * while it is open fails with a `busy` StorageError. Every backend enforces this within one
 * FileSystem instance; across instances on the same root only OPFS does (a root belongs to
 * one broker).
 *
 * Durability: file contents are durable once `flush` (or `close`) resolves. Namespace
 * changes (create, mkdir, rename, delete) are durable once their promise resolves.
 */

/** Why a storage operation failed; the log maps these to KAFKA_STORAGE_ERROR. */
export type StorageErrorKind = "not-found" | "busy" | "disk-full" | "io-error" | "closed";

export class StorageError extends Error {
  override readonly name = "StorageError";
  constructor(
    readonly kind: StorageErrorKind,
    readonly path: string,
    detail: string,
  ) {
    super(`${kind}: ${path}: ${detail}`);
  }
}

export interface OpenOptions {
  /** Create the file when it does not exist (default false: a missing file is not-found). */
  create?: boolean;
}

export interface StorageFile {
  readonly path: string;
  /** The file's current size in bytes. */
  size(): number;
  /**
   * Up to `length` bytes from `position` (fewer at the end of the file). The result may be
   * a view into the backend's memory: callers must not keep it across writes.
   */
  read(position: number, length: number): Uint8Array;
  /**
   * Reads up to `target.length` bytes from `position` into `target`; returns how many
   * (fewer at the end of the file). For hot paths that reuse one buffer: filling memory
   * the process has touched before is several times faster than filling a new buffer,
   * whose every page faults in first (OPFS reads: ~5 GB/s into a reused buffer, ~1.3 GB/s
   * into a new one, Chromium 156).
   */
  readInto(position: number, target: Uint8Array): number;
  /**
   * Write `data` at `position`, growing the file as needed (a gap reads as zeros). The bytes
   * are copied: the caller may reuse `data` at once. An empty `data` changes nothing, not
   * even the size. A full disk throws `disk-full`.
   */
  write(position: number, data: Uint8Array): void;
  /** Write `data` at the end; returns the position it was written at. */
  append(data: Uint8Array): number;
  /** Cut the file to `size` bytes (or grow it with zeros). */
  truncate(size: number): void;
  /**
   * Make everything written so far durable: it survives a crash of the process and a power
   * cut. Writes that were not flushed may survive a crash in part (a torn tail).
   */
  flush(): Promise<void>;
  /**
   * Flush and release the file; later calls on it fail with a `closed` StorageError (closing
   * twice too). The file is released even when the flush fails, and then close rejects.
   */
  close(): Promise<void>;
}

export interface FileSystem {
  /** A name for logs and the UI: "opfs", "indexeddb", "memory", "node". */
  readonly kind: string;
  open(path: string, options?: OpenOptions): Promise<StorageFile>;
  exists(path: string): Promise<boolean>;
  /**
   * Names (not paths) of the files and directories directly in `directory`, sorted by UTF-16
   * code units (plain `Array.prototype.sort`). A missing directory is `not-found`.
   */
  list(directory: string): Promise<string[]>;
  /** Make `directory` and its missing parents (mkdir -p); an existing one is fine. */
  mkdir(directory: string): Promise<void>;
  /**
   * Replace `to` with `from` (as Kafka swaps in cleaned segments and checkpoints), making
   * `to`'s missing parents. Only files rename: a directory `from` or `to` is `io-error`, a
   * missing `from` is `not-found`. Atomic on node:fs, OPFS (with FileSystemHandle.move) and
   * IndexedDB.
   */
  rename(from: string, to: string): Promise<void>;
  /**
   * Delete a file, or a directory with everything in it. Missing paths are fine. Deleting
   * the root ("") is a programmer error.
   */
  delete(path: string): Promise<void>;
}
