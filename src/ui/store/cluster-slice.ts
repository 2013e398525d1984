/**
 * The cluster as the page sees it: each node's worker (from the cluster shell), what the
 * controller says of it (fenced or not, from telemetry and the node's status), the KRaft
 * quorum's leader, the playback controls and the links that are not healthy.
 */
import type { LinkEntry } from "../../runtime/network/link-conditions.ts";
import type { NodeState } from "../../runtime/web-worker/cluster-host.ts";
import type { StorageKind } from "../../runtime/web-worker/node-storage.ts";

/** What a broker card shows: `data-state` in the test contract. */
export type BrokerLiveness = "alive" | "fenced" | "dead";

export interface BrokerView {
  id: number;
  isVoter: boolean;
  /** The worker's state: starting, running, stopping, stopped or failed. */
  process: NodeState;
  /** Fenced by the controller (not yet registered and caught up, or missed heartbeats). */
  fenced: boolean;
  /** The node's KRaft role ("leader", "follower", "observer", ...); null before it says. */
  raftRole: string | null;
  raftEpoch: number;
  /** Bytes appended to the replicas it hosts since the page started watching. */
  bytesAppended: number;
  /** Why the worker failed to start, when it did. */
  error: string | null;
}

export type BootStatus = "starting" | "ready" | "error";

export interface BootState {
  status: BootStatus;
  /** What the page is doing now (a key of the i18n tables, "boot.*"). */
  step: "boot.restoring" | "boot.starting" | "boot.electing" | "boot.topic" | "boot.ready";
  error: string | null;
  /** Whether this visit made a new cluster (the welcome shows) or restored one. */
  firstVisit: boolean;
}

export interface ClusterSlice {
  boot: BootState;
  clusterId: string | null;
  brokers: Record<number, BrokerView>;
  /** The active controller: the KRaft leader of the highest epoch seen. */
  controllerId: number | null;
  controllerEpoch: number;
  storage: StorageKind | null;
  paused: boolean;
  speed: number;
  faultyLinks: LinkEntry[];
}

export function initialClusterSlice(): ClusterSlice {
  return {
    boot: { status: "starting", step: "boot.restoring", error: null, firstVisit: false },
    clusterId: null,
    brokers: {},
    controllerId: null,
    controllerEpoch: -1,
    storage: null,
    paused: false,
    speed: 1,
    faultyLinks: [],
  };
}

export function brokerLiveness(broker: BrokerView): BrokerLiveness {
  if (broker.process === "stopped" || broker.process === "failed") return "dead";
  if (broker.process === "starting" || broker.fenced) return "fenced";
  return "alive";
}

export function liveBrokerIds(brokers: Record<number, BrokerView>): number[] {
  return Object.values(brokers)
    .filter((broker) => brokerLiveness(broker) === "alive")
    .map((broker) => broker.id);
}
