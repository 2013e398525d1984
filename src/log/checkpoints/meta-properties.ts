/**
 * A log dir's `meta.properties` (KRaft, version 1): which node and cluster the directory
 * belongs to, so a broker never serves another broker's data by mistake.
 */
import type { FileSystem } from "../fs/file-system.ts";
import { readCheckpointFile, writeCheckpointFile } from "./checkpoint-file.ts";

export interface MetaProperties {
  version: number;
  nodeId: number;
  clusterId: string;
  directoryId: string;
}

export function formatMetaProperties(meta: MetaProperties): string {
  return [
    "#",
    `cluster.id=${meta.clusterId}`,
    `directory.id=${meta.directoryId}`,
    `node.id=${meta.nodeId}`,
    `version=${meta.version}`,
    "",
  ].join("\n");
}

/** Parse Java-properties lines (key=value, # comments); null when a field is missing. */
export function parseMetaProperties(text: string): MetaProperties | null {
  const values = new Map<string, string>();
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const equals = trimmed.indexOf("=");
    if (equals > 0) values.set(trimmed.slice(0, equals).trim(), trimmed.slice(equals + 1).trim());
  }
  const version = Number(values.get("version"));
  const nodeId = Number(values.get("node.id"));
  const clusterId = values.get("cluster.id");
  const directoryId = values.get("directory.id");
  if (!Number.isInteger(version) || !Number.isInteger(nodeId) || clusterId === undefined || directoryId === undefined) {
    return null;
  }
  return { version, nodeId, clusterId, directoryId };
}

export async function readMetaProperties(fs: FileSystem, path: string): Promise<MetaProperties | null> {
  const text = await readCheckpointFile(fs, path);
  return text === null ? null : parseMetaProperties(text);
}

export async function writeMetaProperties(fs: FileSystem, path: string, meta: MetaProperties): Promise<void> {
  await writeCheckpointFile(fs, path, formatMetaProperties(meta));
}
