/**
 * What the page remembers of a cluster across reloads: node ids, voters, cluster id,
 * storage kind, broker properties and which nodes were running. Everything else (logs,
 * metadata) is in each node's own storage, which the restarted workers recover from.
 */
import type { StorageKind } from "./node-storage.ts";

export interface ClusterLayout {
  version: 1;
  clusterId: string;
  voters: number[];
  storage: StorageKind;
  properties: Record<string, string>;
  nodes: { nodeId: number; running: boolean }[];
}

/** Where the layout is kept: localStorage on the page, or anything with the same shape. */
export interface LayoutStore {
  load(): ClusterLayout | null;
  save(layout: ClusterLayout): void;
  clear(): void;
}

export const LAYOUT_STORAGE_KEY = "kafka-playground/cluster";

const isNodeId = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0;

/** The layout in `json`, or null when it is missing or not one we wrote (never throws). */
export function parseLayout(json: string | null): ClusterLayout | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const layout = value as Partial<ClusterLayout> | null;
  if (typeof layout !== "object" || layout === null || layout.version !== 1) return null;
  if (typeof layout.clusterId !== "string" || layout.clusterId === "") return null;
  // A memory cluster's data died with its workers: there is nothing to restore.
  if (layout.storage !== "opfs" && layout.storage !== "indexeddb") return null;
  if (!Array.isArray(layout.voters) || layout.voters.length === 0 || !layout.voters.every(isNodeId))
    return null;
  if (!Array.isArray(layout.nodes) || layout.nodes.length === 0) return null;
  const nodesValid = layout.nodes.every(
    (node) =>
      typeof node === "object" &&
      node !== null &&
      isNodeId(node.nodeId) &&
      typeof node.running === "boolean",
  );
  if (!nodesValid) return null;
  const properties = layout.properties;
  if (typeof properties !== "object" || properties === null) return null;
  if (!Object.values(properties).every((item) => typeof item === "string")) return null;
  return layout as ClusterLayout;
}

export function browserLayoutStore(
  key = LAYOUT_STORAGE_KEY,
  storage: Storage = localStorage,
): LayoutStore {
  return {
    load: () => parseLayout(storage.getItem(key)),
    save: (layout) => storage.setItem(key, JSON.stringify(layout)),
    clear: () => storage.removeItem(key),
  };
}
