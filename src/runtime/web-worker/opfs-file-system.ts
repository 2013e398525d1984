/**
 * The FileSystem on the Origin Private File System, the product's default storage: one
 * FileSystemSyncAccessHandle per open file, so data operations are synchronous and as fast
 * as the browser's own disk path (measured in Chromium: ~590 MB/s appending 16 KiB pieces).
 * Sync access handles exist only in dedicated workers, so this runs inside a broker worker.
 *
 * OPFS enforces the open-once rule itself, across workers too: a handle is exclusive, and a
 * locked file cannot be moved or removed. Contents are durable after `flush`; namespace
 * changes are the browser's to persist, and Chromium commits them when the call resolves.
 */
import { readByAllocating } from "../../log/fs/read-helpers.ts";
import {
  StorageError,
  type FileSystem,
  type OpenOptions,
  type StorageFile,
} from "../../log/fs/file-system.ts";
import { checkByteRange, OpenFileRegistry } from "../../log/fs/open-file-registry.ts";
import {
  baseName,
  compareNames,
  isSameOrBelow,
  normalizePath,
  parentPath,
  pathSegments,
} from "../../log/fs/storage-path.ts";
import type {
  IterableDirectoryHandle,
  SyncAccessHandle,
  SyncCapableFileHandle,
} from "./opfs-types.ts";

/** Whether this context can run the OPFS backend: OPFS plus sync access handles (a dedicated worker). */
export function isOpfsAvailable(): boolean {
  return (
    typeof navigator !== "undefined" &&
    typeof navigator.storage?.getDirectory === "function" &&
    typeof FileSystemFileHandle !== "undefined" &&
    "createSyncAccessHandle" in FileSystemFileHandle.prototype
  );
}

export interface OpfsOptions {
  /**
   * How rename works: "move" (FileSystemFileHandle.move, atomic) where the browser has it,
   * else "copy" (copy, then delete the source; not atomic). Tests force "copy" to cover the
   * fallback in Chromium, which has move.
   */
  renameBy?: "move" | "copy";
}

/**
 * An OPFS file system rooted at `rootDirectory` below the origin's OPFS root ("" for the
 * origin root itself), made if missing; e.g. "broker-1" gives each broker its own tree.
 */
export async function openOpfsFileSystem(
  rootDirectory = "",
  options: OpfsOptions = {},
): Promise<OpfsFileSystem> {
  let root = await navigator.storage.getDirectory();
  for (const segment of pathSegments(rootDirectory)) {
    root = await root.getDirectoryHandle(segment, { create: true });
  }
  return new OpfsFileSystem(root, options);
}

/** Maps the DOMExceptions OPFS throws to the port's kinds; anything unexpected is an io-error. */
export function toStorageError(error: unknown, path: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: unknown }).name;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  switch (name) {
    case "NotFoundError":
      return new StorageError("not-found", path, detail);
    case "NoModificationAllowedError": // another handle holds the file's lock
    case "InvalidStateError":
      return new StorageError("busy", path, detail);
    case "QuotaExceededError":
      return new StorageError("disk-full", path, detail);
    default: // TypeMismatchError (a file used as a directory or back), TypeError (bad name), ...
      return new StorageError("io-error", path, detail);
  }
}

function isNamed(error: unknown, name: string): boolean {
  return (error as { name?: unknown }).name === name;
}

/** Copy + delete, for browsers without FileSystemFileHandle.move; not atomic. */
const COPY_PIECE_BYTES = 1024 * 1024;

export class OpfsFileSystem implements FileSystem {
  readonly kind = "opfs";
  private readonly openFiles = new OpenFileRegistry();
  /** Directory handles by path, so a deep path is walked once, not on every open. */
  private readonly directories = new Map<string, FileSystemDirectoryHandle>();

  private readonly renameByCopy: boolean;

  constructor(root: FileSystemDirectoryHandle, options: OpfsOptions = {}) {
    this.directories.set("", root);
    const canMove =
      typeof (FileSystemFileHandle.prototype as SyncCapableFileHandle).move === "function";
    this.renameByCopy = options.renameBy === "copy" || !canMove;
  }

  async open(path: string, options: OpenOptions = {}): Promise<StorageFile> {
    const normalized = normalizePath(path);
    if (normalized === "") throw new StorageError("io-error", normalized, "is a directory");
    this.openFiles.reserve(normalized);
    try {
      const create = options.create === true;
      const parent = await this.directory(parentPath(normalized), create);
      const fileHandle = (await parent.getFileHandle(baseName(normalized), {
        create,
      })) as SyncCapableFileHandle;
      const access = await fileHandle.createSyncAccessHandle();
      return new OpfsStorageFile(normalized, access, () => this.openFiles.release(normalized));
    } catch (error) {
      this.openFiles.release(normalized);
      throw toStorageError(error, normalized);
    }
  }

  async exists(path: string): Promise<boolean> {
    const normalized = normalizePath(path);
    if (normalized === "") return true;
    try {
      const parent = await this.directory(parentPath(normalized), false);
      await parent.getFileHandle(baseName(normalized));
      return true;
    } catch (error) {
      if (isNamed(error, "TypeMismatchError")) return this.isDirectory(normalized);
      if (isNamed(error, "NotFoundError")) return false;
      throw toStorageError(error, normalized);
    }
  }

  async list(directory: string): Promise<string[]> {
    const normalized = normalizePath(directory);
    try {
      const handle = (await this.directory(normalized, false)) as IterableDirectoryHandle;
      const names: string[] = [];
      for await (const name of handle.keys()) names.push(name);
      return names.sort(compareNames);
    } catch (error) {
      throw toStorageError(error, normalized);
    }
  }

  async mkdir(directory: string): Promise<void> {
    const normalized = normalizePath(directory);
    try {
      await this.directory(normalized, true);
    } catch (error) {
      throw toStorageError(error, normalized);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const source = normalizePath(from);
    const target = normalizePath(to);
    this.openFiles.assertNotOpen(source);
    this.openFiles.assertNotOpen(target);
    let sourceHandle: SyncCapableFileHandle;
    try {
      const sourceParent = await this.directory(parentPath(source), false);
      sourceHandle = (await sourceParent.getFileHandle(baseName(source))) as SyncCapableFileHandle;
    } catch (error) {
      if (isNamed(error, "TypeMismatchError"))
        throw new StorageError("io-error", source, "only files can be renamed");
      throw toStorageError(error, source);
    }
    if (source === target) return;
    try {
      const targetParent = await this.directory(parentPath(target), true);
      if (await this.isDirectory(target))
        throw new StorageError("io-error", target, "is a directory");
      if (this.renameByCopy || sourceHandle.move === undefined) {
        await this.copyThenDelete(sourceHandle, targetParent, source, target);
      } else {
        // Replaces an existing target in one step (checked in Chromium 156).
        await sourceHandle.move(targetParent, baseName(target));
      }
    } catch (error) {
      throw toStorageError(error, source);
    }
  }

  async delete(path: string): Promise<void> {
    const normalized = normalizePath(path);
    if (normalized === "") throw new Error("refusing to delete the file system's root");
    this.openFiles.assertNothingOpenAt(normalized);
    for (const cached of this.directories.keys()) {
      if (cached !== "" && isSameOrBelow(cached, normalized)) this.directories.delete(cached);
    }
    try {
      const parent = await this.directory(parentPath(normalized), false);
      await parent.removeEntry(baseName(normalized), { recursive: true });
    } catch (error) {
      // A missing path, or one below a file, has nothing to delete.
      if (isNamed(error, "NotFoundError") || isNamed(error, "TypeMismatchError")) return;
      throw toStorageError(error, normalized);
    }
  }

  /** The handle of `path`, walked from the nearest cached ancestor; throws DOMExceptions. */
  private async directory(path: string, create: boolean): Promise<FileSystemDirectoryHandle> {
    const cached = this.directories.get(path);
    if (cached !== undefined) return cached;
    const segments = pathSegments(path);
    let known = segments.length - 1;
    while (known > 0 && !this.directories.has(segments.slice(0, known).join("/"))) known--;
    let handle = this.directories.get(segments.slice(0, known).join("/"))!;
    for (let count = known + 1; count <= segments.length; count++) {
      handle = await handle.getDirectoryHandle(segments[count - 1]!, { create });
      this.directories.set(segments.slice(0, count).join("/"), handle);
    }
    return handle;
  }

  private async isDirectory(path: string): Promise<boolean> {
    try {
      await this.directory(path, false);
      return true;
    } catch {
      return false;
    }
  }

  private async copyThenDelete(
    sourceHandle: SyncCapableFileHandle,
    targetParent: FileSystemDirectoryHandle,
    source: string,
    target: string,
  ): Promise<void> {
    const reader = await sourceHandle.createSyncAccessHandle();
    try {
      const targetHandle = (await targetParent.getFileHandle(baseName(target), {
        create: true,
      })) as SyncCapableFileHandle;
      const writer = await targetHandle.createSyncAccessHandle();
      try {
        const sizeBytes = reader.getSize();
        writer.truncate(sizeBytes);
        const piece = new Uint8Array(COPY_PIECE_BYTES);
        for (let position = 0; position < sizeBytes; position += COPY_PIECE_BYTES) {
          const count = reader.read(piece, { at: position });
          writer.write(piece.subarray(0, count), { at: position });
        }
        writer.flush();
      } finally {
        writer.close();
      }
    } finally {
      reader.close();
    }
    const sourceParent = await this.directory(parentPath(source), false);
    await sourceParent.removeEntry(baseName(source));
  }
}

class OpfsStorageFile implements StorageFile {
  private access: SyncAccessHandle | null;
  /** Kept here: asking getSize() on every append would cost a round into the browser. */
  private sizeBytes: number;

  constructor(
    readonly path: string,
    access: SyncAccessHandle,
    private readonly release: () => void,
  ) {
    this.access = access;
    this.sizeBytes = access.getSize();
  }

  size(): number {
    this.openAccess();
    return this.sizeBytes;
  }

  read(position: number, length: number): Uint8Array {
    checkByteRange("read", position, length);
    return readByAllocating(this, position, length);
  }

  readInto(position: number, target: Uint8Array): number {
    const access = this.openAccess();
    checkByteRange("read", position, target.length);
    const wanted = Math.max(0, Math.min(target.length, this.sizeBytes - position));
    if (wanted === 0) return 0;
    try {
      return access.read(wanted === target.length ? target : target.subarray(0, wanted), {
        at: position,
      });
    } catch (error) {
      throw toStorageError(error, this.path);
    }
  }

  write(position: number, data: Uint8Array): void {
    const access = this.openAccess();
    checkByteRange("write", position, data.length);
    if (data.length === 0) return;
    let count: number;
    try {
      count = access.write(data, { at: position });
    } catch (error) {
      throw toStorageError(error, this.path);
    }
    if (count < data.length) {
      // The quota ran out part way: undo the prefix, so a failed write writes nothing.
      if (position + count > this.sizeBytes) access.truncate(Math.max(this.sizeBytes, position));
      throw new StorageError("disk-full", this.path, `wrote ${count} of ${data.length} bytes`);
    }
    if (position + count > this.sizeBytes) this.sizeBytes = position + count;
  }

  append(data: Uint8Array): number {
    const position = this.sizeBytes;
    this.write(position, data);
    return position;
  }

  truncate(size: number): void {
    const access = this.openAccess();
    checkByteRange("truncate", size);
    try {
      access.truncate(size);
    } catch (error) {
      throw toStorageError(error, this.path);
    }
    this.sizeBytes = size;
  }

  async flush(): Promise<void> {
    const access = this.openAccess();
    try {
      access.flush();
    } catch (error) {
      throw toStorageError(error, this.path);
    }
  }

  async close(): Promise<void> {
    const access = this.openAccess();
    this.access = null;
    this.release();
    try {
      access.flush();
    } catch (error) {
      throw toStorageError(error, this.path);
    } finally {
      access.close();
    }
  }

  private openAccess(): SyncAccessHandle {
    if (this.access === null) throw new StorageError("closed", this.path, "the file is closed");
    return this.access;
  }
}
