/**
 * The ceiling for the log's appends on OPFS: plain sequential writes of one reused chunk
 * through a FileSystemSyncAccessHandle, with nothing of the log around them.
 */
import type {
  SyncAccessHandle,
  SyncCapableFileHandle,
} from "../../src/runtime/web-worker/opfs-types.ts";

export class RawOpfsFile {
  writtenBytes = 0;
  private readonly chunk: Uint8Array;

  private constructor(
    private readonly rootDirectory: string,
    private readonly access: SyncAccessHandle,
    chunkBytes: number,
  ) {
    this.chunk = new Uint8Array(chunkBytes);
    for (let index = 0; index < chunkBytes; index++) this.chunk[index] = (index * 131 + 17) & 0xff;
  }

  /** A new file in `rootDirectory` below the OPFS root, written `chunkBytes` at a time. */
  static async create(rootDirectory: string, chunkBytes: number): Promise<RawOpfsFile> {
    const origin = await navigator.storage.getDirectory();
    const directory = await origin.getDirectoryHandle(rootDirectory, { create: true });
    const fileHandle = (await directory.getFileHandle("raw-write.bin", {
      create: true,
    })) as SyncCapableFileHandle;
    return new RawOpfsFile(rootDirectory, await fileHandle.createSyncAccessHandle(), chunkBytes);
  }

  /** Writes chunks at the end until `bytes` more are in; returns the seconds it took. */
  write(bytes: number): number {
    const chunks = Math.ceil(bytes / this.chunk.length);
    const startedMs = performance.now();
    for (let index = 0; index < chunks; index++) {
      const written = this.access.write(this.chunk, { at: this.writtenBytes });
      if (written !== this.chunk.length)
        throw new Error(`wrote ${written} of ${this.chunk.length} bytes`);
      this.writtenBytes += written;
    }
    return (performance.now() - startedMs) / 1000;
  }

  /** Flushes; returns the seconds it took. */
  flush(): number {
    const startedMs = performance.now();
    this.access.flush();
    return (performance.now() - startedMs) / 1000;
  }

  async remove(): Promise<void> {
    this.access.close();
    const origin = await navigator.storage.getDirectory();
    await origin.removeEntry(this.rootDirectory, { recursive: true });
  }
}
