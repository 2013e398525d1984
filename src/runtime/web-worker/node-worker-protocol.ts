/**
 * What the page tells a node worker when it prepares it (the control plane's first call),
 * shared by both sides without the page importing the worker's module.
 */
import type { LinkEntry } from "../network/link-conditions.ts";
import type { NodeConfig } from "../kafka-node/kafka-node-contract.ts";
import type { StorageChoice } from "./node-storage.ts";
import type { TimeBase } from "./time-base.ts";

export interface NodeWorkerInit {
  config: NodeConfig;
  storage: StorageChoice;
  /** Start from empty storage (a new node), rather than recover what is there (a restart). */
  wipe: boolean;
  time: TimeBase;
  links: LinkEntry[];
  tap: boolean;
}

/** The page's own endpoint on the mesh, where its clients connect from. */
export const PAGE_ENDPOINT = "page";

/** How long a probe waits for an ApiVersions answer, in node time (Kafka's request.timeout.ms). */
export const PROBE_TIMEOUT_MS = 30_000;
