/**
 * The cluster harness page's script: installs `window.clusterHarness`, through which the
 * Playwright specs drive a real ClusterHost. Answers are plain data (bigints as strings),
 * since they cross into the spec's Node process.
 */
import type { LinkConditions } from "../../network/link-conditions.ts";
import { ClusterHost, type ClusterOptions } from "../cluster-host.ts";
import { createTopic, describeTopic, produce, readValues } from "./harness-client.ts";
import { clientRoundTrip } from "./harness-kafka-clients.ts";

let host: ClusterHost | null = null;
const pendingProbes = new Map<number, { settled: boolean; outcome: unknown }>();
let nextProbe = 0;

function current(): ClusterHost {
  if (host === null) throw new Error("no cluster: call create() or restore() first");
  return host;
}

function describe(cluster: ClusterHost) {
  return {
    clusterId: cluster.clusterId,
    voters: [...cluster.voters],
    storage: cluster.storage,
    nodes: cluster.nodes(),
  };
}

/** JSON with bigints as strings: what Playwright can carry back. */
function plain<T>(value: T): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) =>
      typeof item === "bigint" ? item.toString() : item,
    ),
  );
}

const harness = {
  async create(options: Omit<ClusterOptions, "layoutStore">) {
    host?.dispose();
    host = await ClusterHost.create(options);
    return describe(host);
  },
  async restore() {
    host?.dispose();
    host = await ClusterHost.restore();
    return host === null ? null : describe(host);
  },
  nodes: () => current().nodes(),
  /** Dial `to` from a node or the page and ask ApiVersions (rejects when refused). */
  probe: (from: number | "page", to: number, listener?: string) =>
    current().probe(from, to, listener),
  /** Starts a probe and returns at once; `probeOutcome` tells whether it has settled. */
  startProbe(from: number | "page", to: number): number {
    const id = nextProbe++;
    const entry = { settled: false, outcome: null as unknown };
    pendingProbes.set(id, entry);
    current()
      .probe(from, to)
      .then(
        (result) => Object.assign(entry, { settled: true, outcome: { ok: true, result } }),
        (error: unknown) =>
          Object.assign(entry, { settled: true, outcome: { ok: false, error: String(error) } }),
      );
    return id;
  },
  probeOutcome: (id: number) => pendingProbes.get(id) ?? null,
  kill: (nodeId: number) => current().kill(nodeId),
  /** Asks the node's status and kills it before it can answer: how the question ended. */
  async statusAcrossKill(nodeId: number): Promise<string> {
    const asked = current()
      .status(nodeId)
      .then(
        () => "answered",
        (error: unknown) => `failed: ${String(error)}`,
      );
    await current().kill(nodeId);
    return asked;
  },
  restart: (nodeId: number) => current().restart(nodeId),
  shutdown: (nodeId: number) => current().shutdownNode(nodeId),
  addNode: () => current().addNode(),
  pause: () => current().pause(),
  resume: () => current().resume(),
  setSpeed: (speed: number) => current().setSpeed(speed),
  nodeTimeMs: () => current().clock.nowMs(),
  setLink: (from: number | "page", to: number | "page", change: Partial<LinkConditions>) =>
    current().setLink(from, to, change),
  setTap: (enabled: boolean) => current().setTap(enabled),
  drainTelemetry: () => plain(current().telemetry.drain()),
  decodeFrame: async (from: number | "page", id: number) =>
    plain(await current().decodeFrame(from, id)),
  status: (nodeId: number) => current().status(nodeId),
  writeStorageText: (nodeId: number, path: string, text: string) =>
    current().writeStorageText(nodeId, path, text),
  readStorageText: (nodeId: number, path: string) => current().readStorageText(nodeId, path),
  createTopic: (
    via: number,
    name: string,
    partitions: number,
    replicationFactor: number,
    configs: Record<string, string> = {},
  ) => createTopic(current(), via, name, partitions, replicationFactor, configs),
  describeTopic: (via: number, topic: string) => describeTopic(current(), via, topic),
  produce: (nodeId: number, topic: string, partition: number, values: string[], acks: number) =>
    produce(current(), nodeId, topic, partition, values, acks),
  readValues: (nodeId: number, topic: string, partition: number) =>
    readValues(current(), nodeId, topic, partition),
  clientRoundTrip: (topic: string, partitions: number, keys: string[]) =>
    clientRoundTrip(current(), topic, partitions, keys),
  dispose() {
    host?.dispose();
    host = null;
  },
};

export type ClusterHarness = typeof harness;

// Other engineers edit the core while specs run; Vite would answer each edit with a full
// reload, ending the cluster mid-test. A listener that never settles holds the reload off.
import.meta.hot?.on("vite:beforeFullReload", () => new Promise<never>(() => {}));

(window as unknown as { clusterHarness: ClusterHarness }).clusterHarness = harness;
document.body.dataset.ready = "true";
