/**
 * The cluster host's storage reads (listStorage, readStorageBytes) over in-memory file
 * systems, one per node, answering as the node worker does: null for a missing file or
 * directory or a node that is not there, at most `maxReadBytes` per read.
 */
import { MemoryFileSystem } from "../../../log/fs/memory-file-system.ts";
import type { StorageHost } from "../storage-paths.ts";

export class MemoryStorageHost implements StorageHost {
  readonly disks = new Map<number, MemoryFileSystem>();
  readonly reads: { path: string; offset: number; length: number }[] = [];

  constructor(
    nodeIds: readonly number[],
    private readonly maxReadBytes = 4 * 1024 * 1024,
  ) {
    for (const id of nodeIds) this.disks.set(id, new MemoryFileSystem());
  }

  nodes() {
    return [...this.disks.keys()].map((nodeId) => ({ nodeId }));
  }

  async listStorage(nodeId: number, directory: string) {
    const disk = this.disks.get(nodeId);
    if (disk === undefined || !(await disk.exists(directory))) return null;
    const names = await disk.list(directory);
    return names.map((name) => ({ name, size: null }));
  }

  async readStorageBytes(nodeId: number, path: string, offset = 0, length = this.maxReadBytes) {
    const disk = this.disks.get(nodeId);
    if (disk === undefined || !(await disk.exists(path))) return null;
    this.reads.push({ path, offset, length });
    const file = await disk.open(path);
    try {
      const fileSize = file.size();
      const bounded = Math.min(length, this.maxReadBytes);
      const bytes = offset >= fileSize ? new Uint8Array(0) : file.read(offset, bounded).slice();
      return { bytes, offset, fileSize };
    } finally {
      await file.close();
    }
  }
}
