/**
 * The brokers' storage as the terminal's tools see it: one tree whose top holds each
 * node's log dir, `broker-<id>/`, laid out as Kafka's (`broker-1/orders-0/00000000000000000000.log`).
 * A path is routed to the node its first part names and read through the cluster host,
 * as the segment inspector reads one broker's (storage-files.ts does the rest).
 */
import type { StorageBytes, StorageEntry } from "../../runtime/web-worker/cluster-host.ts";
import type { StorageReader } from "../dock/storage-files.ts";

/** The port every broker advertises (`broker-<id>:9092`). */
export const BROKER_PORT = 9092;

/** The largest file the terminal reads for a tool (kafka-dump-log's segments and indexes). */
export const TERMINAL_READ_BYTES = 16 * 1024 * 1024;

/** What the terminal needs of the cluster host. */
export interface StorageHost {
  nodes(): readonly { nodeId: number }[];
  listStorage(nodeId: number, directory: string): Promise<StorageEntry[] | null>;
  readStorageBytes(
    nodeId: number,
    path: string,
    offset?: number,
    length?: number,
  ): Promise<StorageBytes | null>;
}

const NODE_DIRECTORY = /^broker-(\d+)$/;

/** `path` as the storage names it: no leading "./" or "/", no empty parts. */
export function normalizePath(path: string): string {
  return path
    .split("/")
    .filter((part) => part !== "" && part !== ".")
    .join("/");
}

/** The node whose log dir holds `path`, or null when its first part names none. */
export function nodeOfPath(path: string): number | null {
  const match = NODE_DIRECTORY.exec(normalizePath(path).split("/")[0] ?? "");
  return match === null ? null : Number(match[1]);
}

/**
 * Whether `name` in `directory` is a directory, from Kafka's layout alone (asking would
 * open every file): the nodes' log dirs at the top, partition directories (`<topic>-<n>`,
 * also as renamed for deletion) in a log dir, only files below.
 */
export function isDirectoryEntry(directory: string, name: string): boolean {
  const depth = normalizePath(directory) === "" ? 0 : normalizePath(directory).split("/").length;
  if (depth === 0) return NODE_DIRECTORY.test(name);
  return depth === 1 && /-\d+($|\.)/.test(name);
}

/** Each node's log dir as the top directory's entries. */
function topEntries(host: StorageHost): StorageEntry[] {
  return host.nodes().map((node) => ({ name: `broker-${node.nodeId}`, size: null }));
}

/** Up to `length` bytes of `path` from `offset`, in as many reads as the worker's cap needs. */
async function readWhole(
  host: StorageHost,
  nodeId: number,
  path: string,
  offset: number,
  length: number,
): Promise<StorageBytes | null> {
  const first = await host.readStorageBytes(nodeId, path, offset, length);
  if (first === null) return null;
  const parts = [first.bytes];
  let read = first.bytes.length;
  while (read < length && offset + read < first.fileSize) {
    const next = await host.readStorageBytes(nodeId, path, offset + read, length - read);
    if (next === null || next.bytes.length === 0) break;
    parts.push(next.bytes);
    read += next.bytes.length;
  }
  if (parts.length === 1) return first;
  const bytes = new Uint8Array(read);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, offset, fileSize: first.fileSize };
}

/** Every broker's storage as one reader, for StorageSnapshotFiles and completion. */
export function clusterStorageReader(host: StorageHost): StorageReader {
  return {
    async list(directory) {
      const path = normalizePath(directory);
      if (path === "") return topEntries(host);
      const nodeId = nodeOfPath(path);
      return nodeId === null ? null : host.listStorage(nodeId, path);
    },
    async read(path, offset, length) {
      const normalized = normalizePath(path);
      const nodeId = nodeOfPath(normalized);
      return nodeId === null ? null : readWhole(host, nodeId, normalized, offset, length);
    },
  };
}

/** A file a tool could read only the start of: how much of it, of how much. */
export interface CutFile {
  path: string;
  read: number;
  size: number;
}

/** `reader`, noting each file whose first read stopped short of its end (bigger than the terminal reads). */
export function cutNotingReader(reader: StorageReader): { reader: StorageReader; cuts: CutFile[] } {
  const cuts: CutFile[] = [];
  return {
    cuts,
    reader: {
      list: (directory) => reader.list(directory),
      async read(path, offset, length) {
        const read = await reader.read(path, offset, length);
        if (read !== null && offset === 0 && read.bytes.length < read.fileSize)
          cuts.push({ path: normalizePath(path), read: read.bytes.length, size: read.fileSize });
        return read;
      },
    },
  };
}
