/**
 * Where the log benchmark keeps its logs: the production backends, opened by name, and
 * removed whole after each measurement so rounds do not fill the profile's quota.
 */
import type { FileSystem } from "../../src/log/fs/file-system.ts";
import { IndexedDbFileSystem } from "../../src/runtime/web-worker/indexeddb-file-system.ts";
import { openOpfsFileSystem } from "../../src/runtime/web-worker/opfs-file-system.ts";

export type BenchBackend = "opfs" | "indexeddb";

export function openBenchStorage(backend: BenchBackend, root: string): Promise<FileSystem> {
  return backend === "opfs" ? openOpfsFileSystem(root) : IndexedDbFileSystem.open(root);
}

/** Removes everything a measurement stored under `root` (its files must be closed). */
export async function removeBenchStorage(
  backend: BenchBackend,
  root: string,
  fs: FileSystem,
): Promise<void> {
  if (backend === "opfs") {
    const origin = await navigator.storage.getDirectory();
    await origin.removeEntry(root, { recursive: true });
    return;
  }
  (fs as IndexedDbFileSystem).closeDatabase();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(root);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${root}`));
  });
}
