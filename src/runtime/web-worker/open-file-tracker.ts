/**
 * The node's storage, remembering which files the node holds open.
 *
 * Why it exists: a file is open at most once (OPFS sync access handles are exclusive, and
 * every FileSystem backend enforces the same rule), and a broker keeps every segment of its
 * logs open. The page's debug reads (`readStorageBytes`, `listStorage` in node-worker.ts)
 * must therefore read those files through the node's own handle: opening them a second
 * time would fail, or worse, make the node's next open of the file fail.
 *
 * Renames and deletes pass straight through: the backend refuses both (`busy`) while the
 * file is open, so a tracked path can never move or vanish under its handle.
 */
import type { FileSystem, OpenOptions, StorageFile } from "../../log/fs/file-system.ts";
import { normalizePath } from "../../log/fs/storage-path.ts";

export class OpenFileTracker implements FileSystem {
  readonly kind: string;
  private readonly openFiles = new Map<string, StorageFile>();

  constructor(private readonly base: FileSystem) {
    this.kind = base.kind;
  }

  /** The node's handle on `path`, when the node has it open. */
  openFile(path: string): StorageFile | null {
    return this.openFiles.get(normalizePath(path)) ?? null;
  }

  async open(path: string, options?: OpenOptions): Promise<StorageFile> {
    const key = normalizePath(path);
    const file = await this.base.open(path, options);
    const tracked: StorageFile = {
      path: file.path,
      size: () => file.size(),
      read: (position, length) => file.read(position, length),
      readInto: (position, target) => file.readInto(position, target),
      write: (position, data) => file.write(position, data),
      append: (data) => file.append(data),
      truncate: (size) => file.truncate(size),
      flush: () => file.flush(),
      close: async () => {
        try {
          await file.close();
        } finally {
          // A stale handle closed again must not forget a newer handle on the same path.
          if (this.openFiles.get(key) === tracked) this.openFiles.delete(key);
        }
      },
    };
    this.openFiles.set(key, tracked);
    return tracked;
  }

  exists(path: string): Promise<boolean> {
    return this.base.exists(path);
  }

  list(directory: string): Promise<string[]> {
    return this.base.list(directory);
  }

  mkdir(directory: string): Promise<void> {
    return this.base.mkdir(directory);
  }

  rename(from: string, to: string): Promise<void> {
    return this.base.rename(from, to);
  }

  delete(path: string): Promise<void> {
    return this.base.delete(path);
  }
}
