/**
 * The page's control plane for a whole cluster: one Web Worker per Kafka node, a full mesh
 * of MessagePorts between them (and the page), and the playground's knobs — add, kill,
 * restart and shut down nodes, cut or slow links, change the speed of time, tap the wire.
 * The layout is saved in localStorage so `ClusterHost.restore()` brings the same cluster
 * back from storage after a reload.
 */
import type { Clock } from "../../client/clock.ts";
import type { Scheduler } from "../network/scheduler.ts";
import { BROKER_LISTENER } from "../../client/node-requester.ts";
import type { Transport } from "../../client/transport.ts";
import { randomTopicId } from "../../controller/topic-id.ts";
import type { NodeStatus } from "../kafka-node/kafka-node-contract.ts";
import type { DecodedFrame } from "../network/frame-tap.ts";
import {
  LinkTable,
  type EndpointId,
  type LinkConditions,
  type LinkEntry,
} from "../network/link-conditions.ts";
import { probeApiVersions, type ProbeResult } from "./api-versions-probe.ts";
import { clusterDefaults } from "../kafka-node/cluster-defaults.ts";
import { clusterShape, MAX_NODES, nodeConfig } from "./cluster-config.ts";
import { browserLayoutStore, type LayoutStore } from "./cluster-layout.ts";
import { ClusterNodes, type NodeView } from "./cluster-nodes.ts";
import type { StorageChoice, StorageKind } from "./node-storage.ts";
import type { StorageBytes, StorageEntry } from "./node-worker.ts";
import { PAGE_ENDPOINT, PROBE_TIMEOUT_MS } from "./node-worker-protocol.ts";
import { PageEndpoint } from "./page-endpoint.ts";
import { TelemetryFeed } from "./telemetry-feed.ts";
import { changeTimeBase, initialTimeBase, wallNowMs, type TimeBase } from "./time-base.ts";

export { MAX_NODES } from "./cluster-config.ts";
export type { NodeState, NodeView } from "./cluster-nodes.ts";
export type { StorageBytes, StorageEntry } from "./node-worker.ts";

export interface ClusterOptions {
  /** How many nodes (ids 1..nodes); default 3. */
  nodes?: number;
  /** How many of the first nodes are KRaft voters: 1, 3 or 5; default 3 (1 for smaller clusters). */
  voters?: number;
  /** Broker and topic-default configs by Kafka's names. */
  properties?: Record<string, string>;
  storage?: StorageChoice;
  layoutStore?: LayoutStore;
}

const cryptoRandom = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

export class ClusterHost {
  readonly telemetry = new TelemetryFeed();
  private readonly links = new LinkTable();
  private readonly page: PageEndpoint;
  private readonly workers: ClusterNodes;
  private time: TimeBase = initialTimeBase(wallNowMs());
  private tapEnabled = false;

  private constructor(
    readonly clusterId: string,
    readonly voters: readonly number[],
    readonly properties: Readonly<Record<string, string>>,
    storage: StorageChoice,
    nodeIds: readonly number[],
    private readonly layoutStore: LayoutStore,
  ) {
    this.page = new PageEndpoint(this.time, this.links, this.telemetry);
    this.workers = new ClusterNodes(
      this.page,
      this.telemetry,
      {
        initFor: (nodeId, wipe, storageChoice) => ({
          config: nodeConfig(nodeId, this.clusterId, this.voters, this.properties),
          storage: storageChoice,
          wipe,
          time: this.time,
          links: this.links.entries(),
          tap: this.tapEnabled,
        }),
        time: () => this.time,
        links: () => this.links.entries(),
        tap: () => this.tapEnabled,
      },
      storage,
    );
    for (const nodeId of nodeIds) this.workers.add(nodeId);
    this.workers.onChanged(() => this.save());
  }

  /** A new cluster on empty storage; replaces the saved layout. */
  static async create(options: ClusterOptions = {}): Promise<ClusterHost> {
    const { nodeIds, voters } = clusterShape(options.nodes, options.voters);
    const host = new ClusterHost(
      randomTopicId(cryptoRandom),
      voters,
      clusterDefaults(nodeIds.length, options.properties),
      options.storage ?? "auto",
      nodeIds,
      options.layoutStore ?? browserLayoutStore(),
    );
    await host.workers.launch(nodeIds, true);
    return host;
  }

  /** The saved cluster, its running nodes recovered from storage; null when none was saved. */
  static async restore(options: { layoutStore?: LayoutStore } = {}): Promise<ClusterHost | null> {
    const layoutStore = options.layoutStore ?? browserLayoutStore();
    const layout = layoutStore.load();
    if (layout === null) return null;
    const nodeIds = layout.nodes.map((node) => node.nodeId);
    const host = new ClusterHost(
      layout.clusterId,
      layout.voters,
      layout.properties,
      layout.storage,
      nodeIds,
      layoutStore,
    );
    const running = layout.nodes.filter((node) => node.running).map((node) => node.nodeId);
    await host.workers.launch(running, false);
    return host;
  }

  /** Where the nodes keep their data, once the first worker has chosen. */
  get storage(): StorageKind | null {
    return this.workers.storage === "auto" ? null : this.workers.storage;
  }

  /** Node time as the nodes see it: what page-side clients must time their requests by. */
  get clock(): Clock {
    return this.page.clock;
  }

  /** Runs something later in node time (page-side clients' timers). */
  get scheduler(): Scheduler {
    return this.page.clock;
  }

  get timeBase(): TimeBase {
    return { ...this.time };
  }

  get tapping(): boolean {
    return this.tapEnabled;
  }

  nodes(): NodeView[] {
    return this.workers.views(this.voters);
  }

  /** `listener` runs whenever a node's state changes; returns unsubscribe. */
  onNodesChanged(listener: () => void): () => void {
    return this.workers.onChanged(listener);
  }

  /** A new broker-only node with the next id, on empty storage. */
  async addNode(): Promise<number> {
    if (this.workers.size >= MAX_NODES)
      throw new RangeError(`a cluster has at most ${MAX_NODES} nodes`);
    const nodeId = Math.max(0, ...this.workers.ids()) + 1;
    this.workers.add(nodeId);
    await this.workers.launch([nodeId], true);
    return nodeId;
  }

  /** Pull the plug: worker.terminate(), no goodbye; peers see their connections reset. */
  async kill(nodeId: number): Promise<void> {
    const state = this.workers.state(nodeId);
    if (state === "stopped" || state === "failed") return;
    this.telemetry.emit({ kind: "node", node: nodeId, action: "stopped", detail: "killed" });
    await this.workers.stop(nodeId, `connection reset: node ${nodeId} was killed`);
  }

  /** A new worker for a stopped node, recovering from what its predecessor left in storage. */
  restart(nodeId: number): Promise<void> {
    return this.workers.launch([nodeId], false);
  }

  /** Controlled shutdown (leadership handed away, logs flushed and closed), then the worker ends. */
  shutdownNode(nodeId: number): Promise<void> {
    return this.workers.shutdown(nodeId);
  }

  /** Change the conditions of the directed link `from` → `to` (only the fields given). */
  async setLink(from: EndpointId, to: EndpointId, change: Partial<LinkConditions>): Promise<void> {
    this.links.set(from, to, { ...this.links.get(from, to), ...change });
    const entries = this.links.entries();
    await this.workers.broadcast((handle) => handle.remote.setLinks(entries));
  }

  linkConditions(from: EndpointId, to: EndpointId): LinkConditions {
    return { ...this.links.get(from, to) };
  }

  /** Every link that is not healthy. */
  faultyLinks(): LinkEntry[] {
    return this.links.entries();
  }

  setSpeed(speed: number): Promise<void> {
    return this.changeTime({ speed });
  }

  pause(): Promise<void> {
    return this.changeTime({ paused: true });
  }

  resume(): Promise<void> {
    return this.changeTime({ paused: false });
  }

  /** Start or stop recording frames for the packet inspector, on every node and the page. */
  async setTap(enabled: boolean): Promise<void> {
    this.tapEnabled = enabled;
    this.page.tap.enabled = enabled;
    await this.workers.broadcast((handle) => handle.remote.setTap(enabled));
  }

  /** A Kafka connection from the page to a node's listener; null when refused (down, cut). */
  connect(nodeId: number, listener: string = BROKER_LISTENER): Transport | null {
    return this.page.connect(nodeId, listener);
  }

  /** Dial `to`'s listener from `from` (a node, or the page) and ask ApiVersions. */
  probe(from: EndpointId, to: number, listener: string = BROKER_LISTENER): Promise<ProbeResult> {
    if (from === PAGE_ENDPOINT) {
      const transport = this.page.connect(to, listener);
      return probeApiVersions(
        transport,
        this.page.clock,
        PROBE_TIMEOUT_MS,
        "kafka-playground-page",
      );
    }
    return this.workers.handle(this.nodeIdOf(from)).remote.probe(to, listener);
  }

  /** One frame the tap recorded, decoded, from the endpoint that sent it; null once forgotten. */
  async decodeFrame(from: EndpointId, id: number): Promise<DecodedFrame | null> {
    if (from === PAGE_ENDPOINT) return this.page.tap.decode(id);
    const nodeId = this.nodeIdOf(from);
    return this.workers.hasWorker(nodeId)
      ? this.workers.handle(nodeId).remote.decodeFrame(id)
      : null;
  }

  async status(nodeId: number): Promise<NodeStatus | null> {
    return this.workers.hasWorker(nodeId) ? this.workers.handle(nodeId).remote.status() : null;
  }

  /** Reads a file below the node's `broker-<id>/` (a storage inspector; null when missing). */
  readStorageText(nodeId: number, path: string): Promise<string | null> {
    return this.workers.handle(nodeId).remote.readStorageText(path);
  }

  /**
   * Names (and sizes of the files the node holds open) in a directory below the node's
   * `broker-<id>/`; null when the directory is missing or the node is not running.
   */
  async listStorage(nodeId: number, directory: string): Promise<StorageEntry[] | null> {
    return this.workers.hasWorker(nodeId)
      ? this.workers.handle(nodeId).remote.listStorage(directory)
      : null;
  }

  /**
   * Up to `length` bytes (the worker caps it at 4 MiB) of a file below the node's
   * `broker-<id>/` from `offset`, with the file's size; null when the file is missing or
   * the node is not running.
   */
  async readStorageBytes(
    nodeId: number,
    path: string,
    offset?: number,
    length?: number,
  ): Promise<StorageBytes | null> {
    return this.workers.hasWorker(nodeId)
      ? this.workers.handle(nodeId).remote.readStorageBytes(path, offset, length)
      : null;
  }

  writeStorageText(nodeId: number, path: string, text: string): Promise<void> {
    return this.workers.handle(nodeId).remote.writeStorageText(path, text);
  }

  /** Ends every worker but keeps the saved layout (what closing the tab does). */
  dispose(): void {
    this.workers.terminateAll();
  }

  /** Ends every worker and forgets the saved layout (the nodes' storage stays until reused). */
  forget(): void {
    this.dispose();
    this.layoutStore.clear();
  }

  private nodeIdOf(endpoint: EndpointId): number {
    if (typeof endpoint !== "number") throw new RangeError(`${endpoint} is not a node`);
    return endpoint;
  }

  private changeTime(change: { speed?: number; paused?: boolean }): Promise<void> {
    this.time = changeTimeBase(this.time, wallNowMs(), change);
    this.page.clock.apply(this.time);
    const time = this.time;
    return this.workers.broadcast((handle) => handle.remote.setTime(time));
  }

  private save(): void {
    const storage = this.storage;
    if (storage === null) return; // no worker has said what storage there is yet
    this.layoutStore.save({
      version: 1,
      clusterId: this.clusterId,
      voters: [...this.voters],
      storage,
      properties: { ...this.properties },
      nodes: this.nodes().map(({ nodeId, state }) => ({
        nodeId,
        running: state === "starting" || state === "running",
      })),
    });
  }
}
