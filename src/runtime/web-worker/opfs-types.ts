/**
 * The parts of the File System Access API that TypeScript's DOM library (5.9) leaves out:
 * sync access handles exist only in dedicated workers (lib.webworker), `move` only in some
 * browsers, and async iteration of a directory needs lib.dom.asynciterable. Declared here,
 * narrowly, so the OPFS backend type-checks under the project's DOM-only lib setting.
 */

/** FileSystemSyncAccessHandle as Chromium ships it (every method synchronous since 108). */
export interface SyncAccessHandle {
  read(buffer: Uint8Array, options?: { at: number }): number;
  write(buffer: Uint8Array, options?: { at: number }): number;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}

export interface SyncCapableFileHandle extends FileSystemFileHandle {
  createSyncAccessHandle(): Promise<SyncAccessHandle>;
  /** Not in every browser (and only for files in Chromium); rename falls back to copy + delete. */
  move?(destination: FileSystemDirectoryHandle, newName: string): Promise<void>;
}

export interface IterableDirectoryHandle extends FileSystemDirectoryHandle {
  keys(): AsyncIterableIterator<string>;
}
