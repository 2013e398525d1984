/**
 * The FileSystem on node:fs, for the node shell (`npm run broker`): a data directory on
 * the real disk, laid out exactly as the paths say.
 *
 * Data operations use synchronous positional fd calls (readSync/writeSync/ftruncateSync),
 * as the port requires; flush is fsync. Namespace operations are synchronous too, inside
 * async functions: on a local disk they take microseconds, and running each to the end
 * without an await keeps the open-file table free of races. After a create or a rename the
 * parent directory is fsynced, as Kafka does, so the new name survives a power cut.
 */
import { readByAllocating } from "../../log/fs/read-helpers.ts";
import {
  closeSync,
  constants,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import {
  StorageError,
  type FileSystem,
  type OpenOptions,
  type StorageFile,
} from "../../log/fs/file-system.ts";
import { checkByteRange, OpenFileRegistry } from "../../log/fs/open-file-registry.ts";
import { compareNames, normalizePath, parentPath } from "../../log/fs/storage-path.ts";

/** Maps a node:fs error to the port's kinds; anything unexpected is an io-error. */
export function toStorageError(error: unknown, path: string): StorageError {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "ENOENT":
      return new StorageError("not-found", path, detail);
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG":
      return new StorageError("disk-full", path, detail);
    case "EBUSY":
    case "ETXTBSY":
      return new StorageError("busy", path, detail);
    case "EBADF":
      return new StorageError("closed", path, detail);
    default:
      return new StorageError("io-error", path, detail);
  }
}

/** fsync in the thread pool, so the event loop stays free while the disk syncs. */
function fsyncAsync(descriptor: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    fsync(descriptor, (error) =>
      error === null ? resolve() : reject(toStorageError(error, path)),
    );
  });
}

function kindOf(absolutePath: string): "file" | "directory" | "missing" | "other" {
  const stats = statSync(absolutePath, { throwIfNoEntry: false });
  if (stats === undefined) return "missing";
  return stats.isFile() ? "file" : stats.isDirectory() ? "directory" : "other";
}

export class NodeFileSystem implements FileSystem {
  readonly kind = "node";
  private readonly openFiles = new OpenFileRegistry();

  /** Makes `rootDirectory` (with its parents) when it does not exist yet. */
  constructor(readonly rootDirectory: string) {
    mkdirSync(rootDirectory, { recursive: true });
  }

  async open(path: string, options: OpenOptions = {}): Promise<StorageFile> {
    const normalized = normalizePath(path);
    this.openFiles.reserve(normalized);
    try {
      const absolute = this.absolute(normalized);
      if (kindOf(absolute) === "directory")
        throw new StorageError("io-error", normalized, "is a directory");
      const creating = options.create === true && kindOf(absolute) === "missing";
      if (creating) mkdirSync(this.absolute(parentPath(normalized)), { recursive: true });
      // O_RDWR, never O_APPEND: with O_APPEND, Linux ignores the position of a pwrite.
      const flags = constants.O_RDWR | (options.create === true ? constants.O_CREAT : 0);
      const descriptor = openSync(absolute, flags, 0o644);
      if (creating) this.syncDirectory(parentPath(normalized));
      return new NodeStorageFile(normalized, descriptor, fstatSync(descriptor).size, () =>
        this.openFiles.release(normalized),
      );
    } catch (error) {
      this.openFiles.release(normalized);
      throw toStorageError(error, normalized);
    }
  }

  async exists(path: string): Promise<boolean> {
    const normalized = normalizePath(path);
    try {
      return kindOf(this.absolute(normalized)) !== "missing";
    } catch (error) {
      // stat below a file: ENOTDIR means "no such path", as for the other backends.
      if ((error as { code?: unknown }).code === "ENOTDIR") return false;
      throw toStorageError(error, normalized);
    }
  }

  async list(directory: string): Promise<string[]> {
    const normalized = normalizePath(directory);
    try {
      return readdirSync(this.absolute(normalized)).sort(compareNames);
    } catch (error) {
      throw toStorageError(error, normalized);
    }
  }

  async mkdir(directory: string): Promise<void> {
    const normalized = normalizePath(directory);
    try {
      const absolute = this.absolute(normalized);
      mkdirSync(absolute, { recursive: true });
      // mkdir -p quietly accepts an existing file at the last segment.
      if (kindOf(absolute) !== "directory")
        throw new StorageError("io-error", normalized, "not a directory");
    } catch (error) {
      throw toStorageError(error, normalized);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const source = normalizePath(from);
    const target = normalizePath(to);
    this.openFiles.assertNotOpen(source);
    this.openFiles.assertNotOpen(target);
    try {
      const sourceKind = kindOf(this.absolute(source));
      if (sourceKind === "missing") throw new StorageError("not-found", source, "no such file");
      if (sourceKind !== "file")
        throw new StorageError("io-error", source, "only files can be renamed");
      if (source === target) return;
      if (kindOf(this.absolute(target)) === "directory")
        throw new StorageError("io-error", target, "is a directory");
      mkdirSync(this.absolute(parentPath(target)), { recursive: true });
      renameSync(this.absolute(source), this.absolute(target));
      this.syncDirectory(parentPath(target));
      if (parentPath(source) !== parentPath(target)) this.syncDirectory(parentPath(source));
    } catch (error) {
      throw toStorageError(error, source);
    }
  }

  async delete(path: string): Promise<void> {
    const normalized = normalizePath(path);
    if (normalized === "") throw new Error("refusing to delete the file system's root");
    this.openFiles.assertNothingOpenAt(normalized);
    try {
      rmSync(this.absolute(normalized), { recursive: true, force: true });
    } catch (error) {
      throw toStorageError(error, normalized);
    }
  }

  private absolute(path: string): string {
    return path === "" ? this.rootDirectory : join(this.rootDirectory, path);
  }

  /** fsync a directory so that a name created or renamed in it survives a power cut. */
  private syncDirectory(directory: string): void {
    const descriptor = openSync(this.absolute(directory), constants.O_RDONLY);
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  }
}

class NodeStorageFile implements StorageFile {
  /** -1 once closed. */
  private descriptor: number;
  private inFlightFlushes: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    descriptor: number,
    /** Kept here rather than asked of fstat: the file is open only here, so it cannot drift. */
    private sizeBytes: number,
    private readonly release: () => void,
  ) {
    this.descriptor = descriptor;
  }

  size(): number {
    this.openDescriptor();
    return this.sizeBytes;
  }

  read(position: number, length: number): Uint8Array {
    checkByteRange("read", position, length);
    return readByAllocating(this, position, length);
  }

  readInto(position: number, target: Uint8Array): number {
    const descriptor = this.openDescriptor();
    checkByteRange("read", position, target.length);
    const wanted = Math.max(0, Math.min(target.length, this.sizeBytes - position));
    let filled = 0;
    try {
      while (filled < wanted) {
        const count = readSync(descriptor, target, filled, wanted - filled, position + filled);
        if (count === 0) break;
        filled += count;
      }
    } catch (error) {
      throw toStorageError(error, this.path);
    }
    return filled;
  }

  write(position: number, data: Uint8Array): void {
    const descriptor = this.openDescriptor();
    checkByteRange("write", position, data.length);
    if (data.length === 0) return;
    let written = 0;
    try {
      while (written < data.length) {
        written += writeSync(descriptor, data, written, data.length - written, position + written);
      }
    } catch (error) {
      // A write that fails part way (ENOSPC) leaves a prefix behind: cut it off again, so
      // that a failed write writes nothing, as the memory backend's full disk does.
      if (written > 0 && position + written > this.sizeBytes)
        this.cutBackTo(descriptor, Math.max(this.sizeBytes, position));
      throw toStorageError(error, this.path);
    }
    this.sizeBytes = Math.max(this.sizeBytes, position + data.length);
  }

  append(data: Uint8Array): number {
    this.openDescriptor();
    const position = this.sizeBytes;
    this.write(position, data);
    return position;
  }

  truncate(size: number): void {
    const descriptor = this.openDescriptor();
    checkByteRange("truncate", size);
    try {
      ftruncateSync(descriptor, size);
    } catch (error) {
      throw toStorageError(error, this.path);
    }
    this.sizeBytes = size;
  }

  async flush(): Promise<void> {
    const done = fsyncAsync(this.openDescriptor(), this.path);
    this.inFlightFlushes = Promise.all([this.inFlightFlushes, done.catch(() => undefined)]).then(
      () => undefined,
    );
    await done;
  }

  async close(): Promise<void> {
    const descriptor = this.openDescriptor();
    this.descriptor = -1;
    this.release();
    try {
      // An fsync still running in the thread pool must not find its descriptor closed
      // (or, worse, reused by the next open).
      await this.inFlightFlushes;
      await fsyncAsync(descriptor, this.path);
    } finally {
      closeSync(descriptor);
    }
  }

  private openDescriptor(): number {
    if (this.descriptor < 0) throw new StorageError("closed", this.path, "the file is closed");
    return this.descriptor;
  }

  private cutBackTo(descriptor: number, size: number): void {
    try {
      ftruncateSync(descriptor, size);
    } catch {
      // The disk refused the undo too; the caller still gets the original error.
    }
  }
}
