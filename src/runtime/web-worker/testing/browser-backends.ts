/**
 * The browser storage backends a test worker can run on, by name, so specs can loop over
 * them and every harness worker opens them the same way.
 */
import type { FileSystem } from "../../../log/fs/file-system.ts";
import { IndexedDbFileSystem } from "../indexeddb-file-system.ts";
import { openOpfsFileSystem } from "../opfs-file-system.ts";

/** "opfs-copy-rename" is OPFS with rename forced onto its copy + delete fallback. */
export type BrowserBackend = "opfs" | "opfs-copy-rename" | "indexeddb";

/** A FileSystem on `root`: a directory below the OPFS root, or an IndexedDB database name. */
export function openBrowserBackend(backend: BrowserBackend, root: string): Promise<FileSystem> {
  switch (backend) {
    case "opfs":
      return openOpfsFileSystem(root);
    case "opfs-copy-rename":
      return openOpfsFileSystem(root, { renameBy: "copy" });
    case "indexeddb":
      return IndexedDbFileSystem.open(root);
  }
}
