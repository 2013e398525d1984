/**
 * How the IndexedDB backend lays a file system out in one database:
 *
 * - `entries`: path → { kind: "file", sizeBytes } | { kind: "directory" } (the root is implicit)
 * - `chunks`:  [path, chunkIndex] → the file's bytes [index * CHUNK_BYTES, ...), at most
 *   CHUNK_BYTES long.
 *
 * Invariant: no chunk holds bytes at or past its file's size. A missing chunk, or the part
 * of a chunk past its stored length, reads as zeros, so a file may be sparse: growing it
 * (a gap, or truncate upwards) writes only its new size. Fixed-size chunks mean an append
 * rewrites only the last chunk, never the whole file.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from "idb";
import { StorageError } from "../../log/fs/file-system.ts";

export const CHUNK_BYTES = 64 * 1024;

export type Entry = { kind: "file"; sizeBytes: number } | { kind: "directory" };

export interface FileSystemDatabase extends DBSchema {
  entries: { key: string; value: Entry };
  chunks: { key: [string, number]; value: Uint8Array };
}

export type Database = IDBPDatabase<FileSystemDatabase>;
export type Transaction<Mode extends IDBTransactionMode> = IDBPTransaction<
  FileSystemDatabase,
  ["entries", "chunks"],
  Mode
>;

const SCHEMA_VERSION = 1;

export function openFileSystemDatabase(databaseName: string): Promise<Database> {
  return openDB<FileSystemDatabase>(databaseName, SCHEMA_VERSION, {
    upgrade(database) {
      database.createObjectStore("entries");
      database.createObjectStore("chunks");
    },
  });
}

/** Every chunk of the file at `path`. */
export function chunksOf(path: string): IDBKeyRange {
  return IDBKeyRange.bound([path, 0], [path, Number.POSITIVE_INFINITY]);
}

/** The chunks of `path` from `firstIndex` on (what a truncation cuts off). */
export function chunksFrom(path: string, firstIndex: number): IDBKeyRange {
  return IDBKeyRange.bound([path, firstIndex], [path, Number.POSITIVE_INFINITY]);
}

/**
 * Every entry below `directory` ("" for all): keys from "dir/" up to, not including, "dir0"
 * ('0' follows '/'), which is exactly the strings that start with "dir/".
 */
export function entriesBelow(directory: string): IDBKeyRange | undefined {
  return directory === ""
    ? undefined
    : IDBKeyRange.bound(`${directory}/`, `${directory}0`, false, true);
}

export function chunkCount(sizeBytes: number): number {
  return Math.ceil(sizeBytes / CHUNK_BYTES);
}

/** Maps what IndexedDB throws (DOMExceptions, mostly) to the port's kinds. */
export function toStorageError(error: unknown, path: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: unknown }).name;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StorageError(name === "QuotaExceededError" ? "disk-full" : "io-error", path, detail);
}

/**
 * Runs `work` in one transaction over both stores and resolves once it has committed. On
 * any failure the transaction is aborted, so a half-done change never commits, and its
 * `done` promise is always handled (idb creates it eagerly; an unhandled one would surface
 * as an unhandled rejection in the worker).
 */
export async function inTransaction<Mode extends IDBTransactionMode, Result>(
  database: Database,
  mode: Mode,
  path: string,
  work: (transaction: Transaction<Mode>) => Promise<Result>,
): Promise<Result> {
  // "strict": namespace changes and flushes are promised durable when they resolve.
  const transaction = database.transaction(["entries", "chunks"], mode, { durability: "strict" });
  const done = transaction.done;
  try {
    const result = await work(transaction);
    await done;
    return result;
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already finished or aborting on its own.
    }
    await done.catch(() => undefined);
    throw toStorageError(error, path);
  }
}
