/**
 * The FileSystem in memory, for tests and the simulator: pure TypeScript, deterministic
 * (no timers, clocks or randomness), and a model of durability. Each file keeps what was
 * written apart from what was flushed, and `crash()` returns the file system as a restarted
 * process would find it:
 *
 * - "process" (kill -9): everything written survives, as it would in the OS page cache;
 *   with the `tornWrite` fault on, the last unflushed write keeps only a prefix.
 * - "power" (power cut): only what was flushed survives.
 *
 * Namespace operations (create, mkdir, rename, delete) are durable when they resolve, as on
 * a journaling file system with the directory fsynced; only file contents need `flush`.
 *
 * Fault switches live in `faults` and may be changed at any time; a crash hands them on
 * to the restarted file system (they describe the disk, not the process).
 */
import { readIntoByCopying } from "./read-helpers.ts";
import {
  StorageError,
  type FileSystem,
  type OpenOptions,
  type StorageFile,
} from "./file-system.ts";
import { LastWrite, MemoryFileBody } from "./memory-file-body.ts";
import { checkByteRange, OpenFileRegistry } from "./open-file-registry.ts";
import {
  compareNames,
  isSameOrBelow,
  normalizePath,
  parentPath,
  pathSegments,
} from "./storage-path.ts";

export interface MemoryFaults {
  /** A "process" crash keeps only `tornWriteKeepsBytes` of the last unflushed write. */
  tornWrite: boolean;
  /** `flush` (and the flush in `close`) rejects with io-error, leaving the data unflushed. */
  failFlush: boolean;
  /** Total bytes all files may hold; a write that would exceed it throws disk-full and writes nothing. */
  capacityBytes: number;
}

export type CrashMode = "process" | "power";

export interface CrashOptions {
  /** Default "process". */
  mode?: CrashMode;
  /** With the `tornWrite` fault on: how many bytes of the last unflushed write survive (default 0). */
  tornWriteKeepsBytes?: number;
}

export interface MemoryFileSystemOptions {
  faults?: Partial<MemoryFaults>;
}

const NO_FAULTS: MemoryFaults = {
  tornWrite: false,
  failFlush: false,
  capacityBytes: Number.POSITIVE_INFINITY,
};

/** What survives a crash: files by path and explicitly made directories (the root is implicit). */
interface MemoryDisk {
  files: Map<string, MemoryFileBody>;
  directories: Set<string>;
}

export class MemoryFileSystem implements FileSystem {
  readonly kind = "memory";
  readonly faults: MemoryFaults;
  private readonly disk: MemoryDisk;
  private readonly openFiles = new OpenFileRegistry();
  private usedByteCount: number;
  /** The most recent write not yet flushed, for the torn-write fault. */
  private lastWrite: LastWrite | null = null;
  private crashed = false;

  /** `disk` is for `crash()`: the restarted file system takes over the crashed one's disk. */
  constructor(options: MemoryFileSystemOptions = {}, disk?: MemoryDisk) {
    this.faults = { ...NO_FAULTS, ...options.faults };
    this.disk = disk ?? { files: new Map(), directories: new Set() };
    this.usedByteCount = 0;
    for (const body of this.disk.files.values()) this.usedByteCount += body.size;
  }

  /** Bytes held by all files (what `capacityBytes` limits). */
  usedBytes(): number {
    return this.usedByteCount;
  }

  /**
   * The OS writing dirty pages back on its own (Linux's flusher thread): every file's
   * written bytes become what survives a power cut, as if flushed. The simulator calls it
   * every few seconds of virtual time, so a power cut loses only recent writes — as on a
   * real machine, where unflushed data does not stay volatile forever.
   */
  writeBack(): void {
    this.assertAlive("");
    for (const body of this.disk.files.values()) body.flush();
    this.lastWrite = null;
  }

  /**
   * Ends this file system as a crash would (every later call on it or its open files fails
   * with `closed`) and returns what the restarted process finds.
   */
  crash(options: CrashOptions = {}): MemoryFileSystem {
    this.assertAlive("");
    const mode = options.mode ?? "process";
    if (
      options.tornWriteKeepsBytes !== undefined &&
      (mode !== "process" || !this.faults.tornWrite)
    ) {
      throw new Error("tornWriteKeepsBytes needs the tornWrite fault and a process crash");
    }
    this.crashed = true;
    if (mode === "process" && this.faults.tornWrite && this.lastWrite !== null) {
      this.lastWrite.tear(options.tornWriteKeepsBytes ?? 0);
    }
    const files = new Map<string, MemoryFileBody>();
    for (const [path, body] of this.disk.files) {
      files.set(path, mode === "power" ? body.afterPowerCut() : body);
    }
    return new MemoryFileSystem(
      { faults: this.faults },
      { files, directories: new Set(this.disk.directories) },
    );
  }

  async open(path: string, options: OpenOptions = {}): Promise<StorageFile> {
    const normalized = normalizePath(path);
    this.assertAlive(normalized);
    if (this.isDirectory(normalized))
      throw new StorageError("io-error", normalized, "is a directory");
    this.openFiles.reserve(normalized);
    try {
      let body = this.disk.files.get(normalized);
      if (body === undefined) {
        if (options.create !== true)
          throw new StorageError("not-found", normalized, "no such file");
        this.makeDirectories(parentPath(normalized), normalized);
        body = MemoryFileBody.empty();
        this.disk.files.set(normalized, body);
      }
      return new MemoryStorageFile(this, normalized, body);
    } catch (error) {
      this.openFiles.release(normalized);
      throw error;
    }
  }

  async exists(path: string): Promise<boolean> {
    const normalized = normalizePath(path);
    this.assertAlive(normalized);
    return this.isDirectory(normalized) || this.disk.files.has(normalized);
  }

  async list(directory: string): Promise<string[]> {
    const normalized = normalizePath(directory);
    this.assertAlive(normalized);
    if (this.disk.files.has(normalized))
      throw new StorageError("io-error", normalized, "not a directory");
    if (!this.isDirectory(normalized))
      throw new StorageError("not-found", normalized, "no such directory");
    const names: string[] = [];
    const collect = (path: string): void => {
      if (path !== normalized && parentPath(path) === normalized)
        names.push(path.slice(path.lastIndexOf("/") + 1));
    };
    for (const path of this.disk.files.keys()) collect(path);
    for (const path of this.disk.directories) collect(path);
    return names.sort(compareNames);
  }

  async mkdir(directory: string): Promise<void> {
    const normalized = normalizePath(directory);
    this.assertAlive(normalized);
    this.makeDirectories(normalized, normalized);
  }

  async rename(from: string, to: string): Promise<void> {
    const source = normalizePath(from);
    const target = normalizePath(to);
    this.assertAlive(source);
    this.openFiles.assertNotOpen(source);
    this.openFiles.assertNotOpen(target);
    if (this.isDirectory(source))
      throw new StorageError("io-error", source, "renaming a directory is not supported");
    const body = this.disk.files.get(source);
    if (body === undefined) throw new StorageError("not-found", source, "no such file");
    if (source === target) return;
    if (this.isDirectory(target)) throw new StorageError("io-error", target, "is a directory");
    this.makeDirectories(parentPath(target), target);
    const replaced = this.disk.files.get(target);
    if (replaced !== undefined) this.forgetFile(replaced);
    this.disk.files.delete(source);
    this.disk.files.set(target, body);
  }

  async delete(path: string): Promise<void> {
    const normalized = normalizePath(path);
    if (normalized === "") throw new Error("refusing to delete the file system's root");
    this.assertAlive(normalized);
    this.openFiles.assertNothingOpenAt(normalized);
    for (const [filePath, body] of this.disk.files) {
      if (isSameOrBelow(filePath, normalized)) {
        this.forgetFile(body);
        this.disk.files.delete(filePath);
      }
    }
    for (const directory of this.disk.directories) {
      if (isSameOrBelow(directory, normalized)) this.disk.directories.delete(directory);
    }
  }

  // --- for MemoryStorageFile ------------------------------------------------------------

  /** @internal Throws `closed` once the file system has crashed. */
  assertAlive(path: string): void {
    if (this.crashed) throw new StorageError("closed", path, "the file system crashed");
  }

  /** @internal */
  write(path: string, body: MemoryFileBody, position: number, data: Uint8Array): void {
    if (data.length === 0) return;
    this.reserveBytes(path, position + data.length - body.size);
    const lastWrite = LastWrite.before(body, position, data);
    const sizeBefore = body.size;
    body.write(position, data);
    this.usedByteCount += body.size - sizeBefore;
    this.lastWrite = lastWrite;
  }

  /** @internal */
  truncate(path: string, body: MemoryFileBody, size: number): void {
    this.reserveBytes(path, size - body.size);
    this.usedByteCount += size - body.size;
    body.truncate(size);
    // The last write is no longer the last thing done to this file; tearing it would be wrong.
    if (this.lastWrite?.body === body) this.lastWrite = null;
  }

  /** @internal */
  flush(path: string, body: MemoryFileBody): void {
    if (this.faults.failFlush)
      throw new StorageError("io-error", path, "flush failed (fault switch)");
    body.flush();
    if (this.lastWrite?.body === body) this.lastWrite = null;
  }

  /** @internal */
  release(path: string): void {
    this.openFiles.release(path);
  }

  // --- helpers ---------------------------------------------------------------------------

  private reserveBytes(path: string, growthBytes: number): void {
    if (growthBytes > 0 && this.usedByteCount + growthBytes > this.faults.capacityBytes) {
      throw new StorageError(
        "disk-full",
        path,
        `capacity of ${this.faults.capacityBytes} bytes reached`,
      );
    }
  }

  private forgetFile(body: MemoryFileBody): void {
    this.usedByteCount -= body.size;
    if (this.lastWrite?.body === body) this.lastWrite = null;
  }

  private isDirectory(path: string): boolean {
    return path === "" || this.disk.directories.has(path);
  }

  /** mkdir -p; fails with io-error when a file stands where a directory should be. */
  private makeDirectories(directory: string, forPath: string): void {
    const segments = pathSegments(directory);
    for (let count = 1; count <= segments.length; count++) {
      const ancestor = segments.slice(0, count).join("/");
      if (this.disk.files.has(ancestor))
        throw new StorageError("io-error", forPath, `${ancestor} is a file`);
    }
    for (let count = 1; count <= segments.length; count++)
      this.disk.directories.add(segments.slice(0, count).join("/"));
  }
}

class MemoryStorageFile implements StorageFile {
  private closed = false;

  constructor(
    private readonly fileSystem: MemoryFileSystem,
    readonly path: string,
    private readonly body: MemoryFileBody,
  ) {}

  size(): number {
    this.assertOpen();
    return this.body.size;
  }

  read(position: number, length: number): Uint8Array {
    this.assertOpen();
    checkByteRange("read", position, length);
    return this.body.written.read(position, length);
  }

  readInto(position: number, target: Uint8Array): number {
    return readIntoByCopying(this, position, target);
  }

  write(position: number, data: Uint8Array): void {
    this.assertOpen();
    checkByteRange("write", position, data.length);
    this.fileSystem.write(this.path, this.body, position, data);
  }

  append(data: Uint8Array): number {
    this.assertOpen();
    const position = this.body.size;
    this.fileSystem.write(this.path, this.body, position, data);
    return position;
  }

  truncate(size: number): void {
    this.assertOpen();
    checkByteRange("truncate", size);
    this.fileSystem.truncate(this.path, this.body, size);
  }

  async flush(): Promise<void> {
    this.assertOpen();
    this.fileSystem.flush(this.path, this.body);
  }

  async close(): Promise<void> {
    this.assertOpen();
    // Released first: a failed flush must not leave the file open for ever.
    this.closed = true;
    this.fileSystem.release(this.path);
    this.fileSystem.flush(this.path, this.body);
  }

  private assertOpen(): void {
    this.fileSystem.assertAlive(this.path);
    if (this.closed) throw new StorageError("closed", this.path, "the file is closed");
  }
}
