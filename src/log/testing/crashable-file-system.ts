/**
 * A FileSystem wrapper that can model the crash of the process using it, for backends that
 * cannot crash on their own inside a running test (OPFS, IndexedDB, node:fs): `crash()`
 * releases every file this instance still has open, as the operating system releases a
 * dead process's files, and makes the instance unusable.
 *
 * Releasing means closing, and closing flushes: on OPFS and node:fs that changes nothing a
 * process crash would keep (written bytes are in the file already; a flush only guards
 * against a power cut); on IndexedDB it persists the write-behind, one of the outcomes a
 * real kill may have. Scenarios that need a torn write make one explicitly. A real kill,
 * where the backend decides what survives, is e2e/harness/partition-log.spec.ts's job.
 */
import {
  StorageError,
  type FileSystem,
  type OpenOptions,
  type StorageFile,
} from "../fs/file-system.ts";

export class CrashableFileSystem implements FileSystem {
  private readonly openFiles = new Set<StorageFile>();
  private crashed = false;

  constructor(private readonly inner: FileSystem) {}

  get kind(): string {
    return this.inner.kind;
  }

  /** Releases every open file and ends this instance; later calls fail with `closed`. */
  async crash(): Promise<void> {
    this.crashed = true;
    for (const file of this.openFiles) {
      try {
        await file.close();
      } catch (error) {
        // Closed already by the code under test (the set only learns of closes it saw).
        if (!(error instanceof StorageError && error.kind === "closed")) throw error;
      }
    }
    this.openFiles.clear();
  }

  async open(path: string, options?: OpenOptions): Promise<StorageFile> {
    this.assertAlive(path);
    const file = await this.inner.open(path, options);
    this.openFiles.add(file);
    return file;
  }

  exists(path: string): Promise<boolean> {
    this.assertAlive(path);
    return this.inner.exists(path);
  }

  list(directory: string): Promise<string[]> {
    this.assertAlive(directory);
    return this.inner.list(directory);
  }

  mkdir(directory: string): Promise<void> {
    this.assertAlive(directory);
    return this.inner.mkdir(directory);
  }

  rename(from: string, to: string): Promise<void> {
    this.assertAlive(from);
    return this.inner.rename(from, to);
  }

  delete(path: string): Promise<void> {
    this.assertAlive(path);
    return this.inner.delete(path);
  }

  private assertAlive(path: string): void {
    if (this.crashed)
      throw new StorageError("closed", path, "the process holding this file system crashed");
  }
}
