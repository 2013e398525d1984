/**
 * The FileSystem on IndexedDB (through `idb`): the fallback where OPFS sync access handles
 * are missing, and selectable. One database holds one root (see indexeddb-store.ts for the
 * layout). Namespace operations are single transactions, so a rename that replaces its
 * target is atomic, as Kafka's checkpoint swaps need. Open files live in memory and are
 * written behind (indexeddb-storage-file.ts): a killed worker loses at most what was
 * written since the last flush.
 *
 * The open-once rule holds within one instance; two instances on one database (two
 * workers) would not see each other's open files, so a root belongs to one broker.
 */
import {
  StorageError,
  type FileSystem,
  type OpenOptions,
  type StorageFile,
} from "../../log/fs/file-system.ts";
import { GrowableBytes } from "../../log/fs/growable-bytes.ts";
import { OpenFileRegistry } from "../../log/fs/open-file-registry.ts";
import {
  compareNames,
  normalizePath,
  parentPath,
  pathSegments,
} from "../../log/fs/storage-path.ts";
import { IndexedDbStorageFile } from "./indexeddb-storage-file.ts";
import {
  CHUNK_BYTES,
  chunksOf,
  entriesBelow,
  inTransaction,
  openFileSystemDatabase,
  toStorageError,
  type Database,
  type Transaction,
} from "./indexeddb-store.ts";

export class IndexedDbFileSystem implements FileSystem {
  readonly kind = "indexeddb";
  private readonly openFiles = new OpenFileRegistry();

  private constructor(private readonly database: Database) {}

  /** Opens (or makes) the database `databaseName`, e.g. "kafka-playground/broker-1". */
  static async open(databaseName: string): Promise<IndexedDbFileSystem> {
    try {
      return new IndexedDbFileSystem(await openFileSystemDatabase(databaseName));
    } catch (error) {
      throw toStorageError(error, "");
    }
  }

  /** Closes the database connection (so it can be deleted); open files must be closed first. */
  closeDatabase(): void {
    this.database.close();
  }

  async open(path: string, options: OpenOptions = {}): Promise<StorageFile> {
    const normalized = normalizePath(path);
    if (normalized === "") throw new StorageError("io-error", normalized, "is a directory");
    this.openFiles.reserve(normalized);
    try {
      const mode = options.create === true ? "readwrite" : "readonly";
      const body = await inTransaction(this.database, mode, normalized, async (transaction) => {
        const entry = await transaction.objectStore("entries").get(normalized);
        if (entry?.kind === "directory")
          throw new StorageError("io-error", normalized, "is a directory");
        if (entry === undefined) {
          if (options.create !== true)
            throw new StorageError("not-found", normalized, "no such file");
          const writable = transaction as Transaction<"readwrite">;
          await makeDirectories(writable, parentPath(normalized), normalized);
          await writable.objectStore("entries").put({ kind: "file", sizeBytes: 0 }, normalized);
          return new GrowableBytes();
        }
        return loadContents(transaction, normalized, entry.sizeBytes);
      });
      return new IndexedDbStorageFile(this.database, normalized, body, () =>
        this.openFiles.release(normalized),
      );
    } catch (error) {
      this.openFiles.release(normalized);
      throw toStorageError(error, normalized);
    }
  }

  async exists(path: string): Promise<boolean> {
    const normalized = normalizePath(path);
    if (normalized === "") return true;
    return inTransaction(this.database, "readonly", normalized, async (transaction) => {
      return (await transaction.objectStore("entries").get(normalized)) !== undefined;
    });
  }

  async list(directory: string): Promise<string[]> {
    const normalized = normalizePath(directory);
    return inTransaction(this.database, "readonly", normalized, async (transaction) => {
      const entries = transaction.objectStore("entries");
      if (normalized !== "") {
        const entry = await entries.get(normalized);
        if (entry === undefined)
          throw new StorageError("not-found", normalized, "no such directory");
        if (entry.kind === "file")
          throw new StorageError("io-error", normalized, "not a directory");
      }
      const prefixLength = normalized === "" ? 0 : normalized.length + 1;
      const descendants = await entries.getAllKeys(entriesBelow(normalized));
      return descendants
        .map((key) => key.slice(prefixLength))
        .filter((name) => !name.includes("/"))
        .sort(compareNames);
    });
  }

  async mkdir(directory: string): Promise<void> {
    const normalized = normalizePath(directory);
    await inTransaction(this.database, "readwrite", normalized, (transaction) =>
      makeDirectories(transaction, normalized, normalized),
    );
  }

  async rename(from: string, to: string): Promise<void> {
    const source = normalizePath(from);
    const target = normalizePath(to);
    this.openFiles.assertNotOpen(source);
    this.openFiles.assertNotOpen(target);
    await inTransaction(this.database, "readwrite", source, async (transaction) => {
      const entries = transaction.objectStore("entries");
      const chunks = transaction.objectStore("chunks");
      if (source === "" || target === "")
        throw new StorageError("io-error", source, "the root cannot be renamed");
      const entry = await entries.get(source);
      if (entry === undefined) throw new StorageError("not-found", source, "no such file");
      if (entry.kind === "directory")
        throw new StorageError("io-error", source, "only files can be renamed");
      if (source === target) return;
      if ((await entries.get(target))?.kind === "directory")
        throw new StorageError("io-error", target, "is a directory");
      await makeDirectories(transaction, parentPath(target), target);
      const keys = await chunks.getAllKeys(chunksOf(source));
      const values = await chunks.getAll(chunksOf(source));
      await chunks.delete(chunksOf(target));
      await Promise.all(values.map((value, index) => chunks.put(value, [target, keys[index]![1]])));
      await chunks.delete(chunksOf(source));
      await entries.delete(source);
      await entries.put(entry, target);
    });
  }

  async delete(path: string): Promise<void> {
    const normalized = normalizePath(path);
    if (normalized === "") throw new Error("refusing to delete the file system's root");
    this.openFiles.assertNothingOpenAt(normalized);
    await inTransaction(this.database, "readwrite", normalized, async (transaction) => {
      const entries = transaction.objectStore("entries");
      const chunks = transaction.objectStore("chunks");
      const entry = await entries.get(normalized);
      if (entry === undefined) return;
      const doomed =
        entry.kind === "directory"
          ? [...(await entries.getAllKeys(entriesBelow(normalized))), normalized]
          : [normalized];
      await Promise.all(
        doomed.flatMap((doomedPath) => [
          entries.delete(doomedPath),
          chunks.delete(chunksOf(doomedPath)),
        ]),
      );
    });
  }
}

/** mkdir -p inside `transaction`; io-error when a file stands where a directory should be. */
async function makeDirectories(
  transaction: Transaction<"readwrite">,
  directory: string,
  forPath: string,
): Promise<void> {
  const entries = transaction.objectStore("entries");
  const segments = pathSegments(directory);
  for (let count = 1; count <= segments.length; count++) {
    const ancestor = segments.slice(0, count).join("/");
    const entry = await entries.get(ancestor);
    if (entry?.kind === "file")
      throw new StorageError("io-error", forPath, `${ancestor} is a file`);
    if (entry === undefined) await entries.put({ kind: "directory" }, ancestor);
  }
}

/** The file's bytes, assembled from its chunks (a missing chunk reads as zeros). */
async function loadContents(
  transaction: Transaction<IDBTransactionMode>,
  path: string,
  sizeBytes: number,
): Promise<GrowableBytes> {
  const chunks = transaction.objectStore("chunks");
  const [keys, values] = await Promise.all([
    chunks.getAllKeys(chunksOf(path)),
    chunks.getAll(chunksOf(path)),
  ]);
  const body = new GrowableBytes(sizeBytes);
  values.forEach((value, index) => {
    const start = keys[index]![1] * CHUNK_BYTES;
    if (start < sizeBytes)
      body.write(start, value.subarray(0, Math.min(value.length, sizeBytes - start)));
  });
  body.resize(sizeBytes);
  return body;
}
