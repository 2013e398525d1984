/**
 * Where a node worker keeps its data: OPFS when the worker has sync access handles, else
 * IndexedDB. Either way the node's log dirs live under `broker-<id>/` (Kafka's layout),
 * which survives a killed worker and a page reload. "memory" (chosen in the settings)
 * keeps the files in the worker itself: fast, and gone when the worker is killed.
 */
import type { FileSystem } from "../../log/fs/file-system.ts";
import { StorageError } from "../../log/fs/file-system.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { IndexedDbFileSystem } from "./indexeddb-file-system.ts";
import { isOpfsAvailable, openOpfsFileSystem } from "./opfs-file-system.ts";

export type StorageKind = "opfs" | "indexeddb" | "memory";
/** "auto": OPFS if this browser can, IndexedDB otherwise. */
export type StorageChoice = StorageKind | "auto";

export function nodeStorageRoot(nodeId: number): string {
  return `broker-${nodeId}`;
}

export interface NodeStorage {
  kind: StorageKind;
  fs: FileSystem;
}

export async function openNodeStorage(choice: StorageChoice, nodeId: number): Promise<NodeStorage> {
  const kind: StorageKind = choice === "auto" ? (isOpfsAvailable() ? "opfs" : "indexeddb") : choice;
  if (kind === "memory") return { kind, fs: new MemoryFileSystem() };
  if (kind === "opfs") {
    if (!isOpfsAvailable()) throw new Error("this browser has no OPFS sync access handles");
    // One OPFS tree for the origin; each node keeps to its own broker-<id>/ in it.
    return { kind, fs: await openOpfsFileSystem("") };
  }
  // IndexedDB is not locked per file across connections, so each node gets its own database.
  return {
    kind,
    fs: await IndexedDbFileSystem.open(`kafka-playground/${nodeStorageRoot(nodeId)}`),
  };
}

/** Forget everything a previous node with this id left behind (a new node starts empty). */
export async function wipeNodeStorage(storage: NodeStorage, nodeId: number): Promise<void> {
  await storage.fs.delete(nodeStorageRoot(nodeId));
}

/** The text of a whole file, or null if there is none. */
export async function readStorageText(fs: FileSystem, path: string): Promise<string | null> {
  let file;
  try {
    file = await fs.open(path);
  } catch (error) {
    if (error instanceof StorageError && error.kind === "not-found") return null;
    throw error;
  }
  try {
    return new TextDecoder().decode(file.read(0, file.size()));
  } finally {
    await file.close();
  }
}

/** Replace a file's contents with `text` and make it durable. */
export async function writeStorageText(fs: FileSystem, path: string, text: string): Promise<void> {
  const file = await fs.open(path, { create: true });
  try {
    file.truncate(0);
    file.write(0, new TextEncoder().encode(text));
    await file.flush();
  } finally {
    await file.close();
  }
}
