/**
 * The command-line tools' `files` (a FileSystem) over a running broker's storage, read
 * through the cluster host's `listStorage` / `readStorageBytes`: what lets the segment
 * inspector run the real kafka-dump-log on a broker's segments. Read-only, and bounded:
 * opening a file reads at most `maxBytes` of it once, and the tool reads that snapshot
 * (a live segment keeps growing; the dump shows it as it was when opened).
 */
import type { ToolIo } from "../../cli/framework/tool.ts";
import type { StorageBytes, StorageEntry } from "../../runtime/web-worker/cluster-host.ts";

type FileSystem = ToolIo["files"];
type StorageFile = Awaited<ReturnType<FileSystem["open"]>>;

/** What the adapter needs of a broker's storage (ClusterHost's methods, bound to one node). */
export interface StorageReader {
  list(directory: string): Promise<StorageEntry[] | null>;
  read(path: string, offset: number, length: number): Promise<StorageBytes | null>;
}

class ReadOnlyError extends Error {
  constructor(operation: string, path: string) {
    super(`io-error: ${path}: ${operation} on a read-only view of the broker's storage`);
  }
}

/** One file's bytes as a StorageFile that can be read, not written. */
function snapshotFile(path: string, bytes: Uint8Array): StorageFile {
  let closed = false;
  const checkOpen = () => {
    if (closed) throw new Error(`closed: ${path}: the file is closed`);
  };
  const refuse = (operation: string): never => {
    checkOpen();
    throw new ReadOnlyError(operation, path);
  };
  const read = (position: number, length: number) => {
    checkOpen();
    const start = Math.min(Math.max(0, position), bytes.length);
    return bytes.subarray(start, Math.min(bytes.length, start + Math.max(0, length)));
  };
  return {
    path,
    size() {
      checkOpen();
      return bytes.length;
    },
    read,
    readInto(position, target) {
      const part = read(position, target.length);
      target.set(part);
      return part.length;
    },
    write: () => refuse("write"),
    append: () => refuse("append"),
    truncate: () => refuse("truncate"),
    async flush() {
      checkOpen();
    },
    async close() {
      checkOpen();
      closed = true;
    },
  };
}

export class StorageSnapshotFiles implements FileSystem {
  readonly kind = "broker-storage";
  private readonly snapshots = new Map<string, StorageBytes>();

  constructor(
    private readonly reader: StorageReader,
    private readonly maxBytes: number,
  ) {}

  /** Reads the first `maxBytes` of `path` now (later opens reuse them); null when there is no such file. */
  async snapshot(path: string): Promise<StorageBytes | null> {
    const known = this.snapshots.get(path);
    if (known !== undefined) return known;
    const read = await this.reader.read(path, 0, this.maxBytes);
    if (read !== null) this.snapshots.set(path, read);
    return read;
  }

  async open(path: string, options?: { create?: boolean }): Promise<StorageFile> {
    if (options?.create === true) throw new ReadOnlyError("create", path);
    const read = await this.snapshot(path);
    if (read === null) throw new Error(`not-found: ${path}: no such file on the broker`);
    return snapshotFile(path, read.bytes);
  }

  async exists(path: string): Promise<boolean> {
    const trimmed = path.replace(/^\/+|\/+$/g, "");
    const split = trimmed.lastIndexOf("/");
    const entries = await this.reader.list(split < 0 ? "" : trimmed.slice(0, split));
    return entries?.some((entry) => entry.name === trimmed.slice(split + 1)) ?? false;
  }

  async list(directory: string): Promise<string[]> {
    const entries = await this.reader.list(directory);
    if (entries === null)
      throw new Error(`not-found: ${directory}: no such directory on the broker`);
    return entries.map((entry) => entry.name);
  }

  async mkdir(directory: string): Promise<void> {
    throw new ReadOnlyError("mkdir", directory);
  }

  async rename(from: string): Promise<void> {
    throw new ReadOnlyError("rename", from);
  }

  async delete(path: string): Promise<void> {
    throw new ReadOnlyError("delete", path);
  }
}
