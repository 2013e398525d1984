/**
 * A whole cluster inside one process, on virtual time: N Kafka nodes (each with its own
 * in-memory disk), the playground's network (per-link latency, loss, cuts), and clients.
 * Nodes can be killed (their process dies: connections reset, disk keeps what a real
 * crash keeps) and restarted (a new node recovers from that disk) — the same core as the
 * browser and Node shells, driven by a seeded random source.
 */
import { clusterDefaults } from "../kafka-node/cluster-defaults.ts";
import { Connection } from "../../client/connection.ts";
import {
  BROKER_LISTENER,
  type Dialer,
  type DialTarget,
  type ListenerName,
} from "../../client/node-requester.ts";
import type { Transport } from "../../client/transport.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import {
  TICK_INTERVAL_MS,
  type NodeConfig,
  type RunningNode,
} from "../kafka-node/kafka-node-contract.ts";
import { startKafkaNode } from "../kafka-node/start-kafka-node.ts";
import type { LinkContext } from "../network/conditioned-transport.ts";
import { FrameTap } from "../network/frame-tap.ts";
import { LinkTable, type EndpointId } from "../network/link-conditions.ts";
import { createMemoryPipe } from "../network/memory-pipe.ts";
import { NetworkEndpoint } from "../network/network-endpoint.ts";
import { seededRandom } from "./seeded-random.ts";
import { SimScheduler } from "./sim-scheduler.ts";

export const SIM_CLUSTER_ID = "SimulatedClusterAAAAAA";
const WRITE_BACK_INTERVAL_MS = 5_000;

export interface SimClusterOptions {
  seed: number;
  nodes: number;
  /** How many of the first nodes are KRaft voters (1, 3 or 5; default min(3, nodes)). */
  voters?: number;
  /** Broker configs by Kafka's names for every node. */
  properties?: Record<string, string>;
  /** Keep every telemetry event (tests that look at them); default off. */
  keepTelemetry?: boolean;
}

interface SimNode {
  id: number;
  disk: MemoryFileSystem;
  endpoint: NetworkEndpoint;
  running: RunningNode | null;
  starting: Promise<RunningNode> | null;
}

export class SimCluster {
  readonly scheduler = new SimScheduler();
  readonly random: () => number;
  readonly links = new LinkTable();
  readonly tap = new FrameTap({ enabled: false });
  readonly telemetry: TelemetryEvent[] = [];
  private readonly context: LinkContext;
  private readonly nodes = new Map<number, SimNode>();
  private readonly clientEndpoints = new Map<string, NetworkEndpoint>();
  private readonly telemetryListeners: ((event: TelemetryEvent) => void)[] = [];
  readonly voters: number[];

  constructor(readonly options: SimClusterOptions) {
    this.random = seededRandom(options.seed);
    this.context = {
      scheduler: this.scheduler,
      random: this.random,
      links: this.links,
      tap: this.tap,
    };
    const voterCount = options.voters ?? Math.min(3, options.nodes);
    this.voters = Array.from({ length: voterCount }, (_, i) => i + 1);
    for (let id = 1; id <= options.nodes; id++) {
      this.nodes.set(id, {
        id,
        disk: new MemoryFileSystem(),
        endpoint: new NetworkEndpoint(id, this.context),
        running: null,
        starting: null,
      });
    }
    this.scheduleTicks();
    this.scheduleWriteBack();
  }

  get nodeIds(): number[] {
    return [...this.nodes.keys()];
  }

  node(id: number): RunningNode | null {
    return this.nodes.get(id)?.running ?? null;
  }

  /** A node's disk, whose fault switches a test may turn (`faults.capacityBytes`, ...). */
  disk(id: number): MemoryFileSystem {
    const node = this.nodes.get(id);
    if (node === undefined) throw new Error(`no node ${id}`);
    return node.disk;
  }

  /** Start every node that is not running. */
  async startAll(): Promise<void> {
    await Promise.all(this.nodeIds.map((id) => this.start(id)));
  }

  async start(id: number): Promise<RunningNode> {
    const node = this.nodeOf(id);
    if (node.running !== null) return node.running;
    if (node.starting !== null) return node.starting;
    const config: NodeConfig = {
      nodeId: id,
      clusterId: SIM_CLUSTER_ID,
      voters: this.voters,
      properties: clusterDefaults(this.options.nodes, this.options.properties),
      advertised: {
        PLAINTEXT: { host: `node-${id}`, port: 9092 },
        CONTROLLER: { host: `node-${id}`, port: 9093 },
      },
    };
    node.starting = startKafkaNode(config, {
      clock: this.scheduler,
      fs: node.disk,
      dial: (target) => this.dial(node.endpoint, target),
      telemetry: {
        emit: (event) => {
          if (this.options.keepTelemetry === true) this.telemetry.push(event);
          for (const listener of this.telemetryListeners) listener(event);
        },
      },
      random: this.random,
    });
    const running = await this.runWhile(node.starting);
    node.running = running;
    node.starting = null;
    return running;
  }

  /**
   * The node's process dies (in-memory state and connections gone, the disk as a crash
   * leaves it), or its machine loses power (writes since the last write-back are lost).
   * `tornWriteKeepsBytes`: the process died in the middle of its last write, which keeps
   * only that many bytes.
   */
  kill(id: number, mode: "process" | "power" = "process", tornWriteKeepsBytes?: number): void {
    const node = this.nodeOf(id);
    node.running = null;
    if (tornWriteKeepsBytes !== undefined) node.disk.faults.tornWrite = true;
    node.disk = node.disk.crash({ mode, tornWriteKeepsBytes });
    node.disk.faults.tornWrite = false;
    node.endpoint.resetAll(`node ${id} died`);
    node.endpoint = new NetworkEndpoint(id, this.context);
    for (const other of this.nodes.values()) other.endpoint.resetPeer(id, `node ${id} died`);
    for (const client of this.clientEndpoints.values()) client.resetPeer(id, `node ${id} died`);
  }

  /** A clean stop: controlled shutdown, flush, close — then the node is gone until started again. */
  async shutdown(id: number): Promise<void> {
    const node = this.nodeOf(id);
    if (node.running === null) return;
    await this.runWhile(node.running.shutdown());
    node.running = null;
    node.endpoint.resetAll(`node ${id} stopped`);
    for (const other of this.nodes.values()) other.endpoint.resetPeer(id, `node ${id} stopped`);
    for (const client of this.clientEndpoints.values()) client.resetPeer(id, `node ${id} stopped`);
  }

  /** Cut (or heal) the link between two endpoints, both ways unless `oneWay`. */
  cut(a: EndpointId, b: EndpointId, cut = true, oneWay = false): void {
    const set = (from: EndpointId, to: EndpointId) =>
      this.links.set(from, to, { ...this.links.get(from, to), cut });
    set(a, b);
    if (!oneWay) set(b, a);
  }

  /** How a simulated client host opens connections (for a ConnectionPool of its own). */
  clientDialer(clientName: string): Dialer {
    let endpoint = this.clientEndpoints.get(clientName);
    if (endpoint === undefined)
      this.clientEndpoints.set(
        clientName,
        (endpoint = new NetworkEndpoint(clientName, this.context)),
      );
    const from = endpoint;
    return (target) => this.dial(from, target);
  }

  /** Every node's telemetry goes here too (checkers watch it as it happens). */
  onTelemetry(listener: (event: TelemetryEvent) => void): void {
    this.telemetryListeners.push(listener);
  }

  /** A client connection from `clientName` to a node's client listener (null if unreachable). */
  connect(clientName: string, nodeId: number): Connection | null {
    let endpoint = this.clientEndpoints.get(clientName);
    if (endpoint === undefined)
      this.clientEndpoints.set(
        clientName,
        (endpoint = new NetworkEndpoint(clientName, this.context)),
      );
    const transport = this.dial(endpoint, {
      nodeId,
      listener: BROKER_LISTENER,
      host: `node-${nodeId}`,
      port: 9092,
    });
    return transport === null ? null : new Connection(transport, clientName);
  }

  /** Let virtual time pass while `work` runs; resolves with its result. */
  async runWhile<T>(work: Promise<T>): Promise<T> {
    let done = false;
    let result: { value: T } | { error: unknown } | null = null;
    work.then(
      (value) => ((done = true), (result = { value })),
      (error: unknown) => ((done = true), (result = { error })),
    );
    while (!done) await this.scheduler.runFor(TICK_INTERVAL_MS);
    const settled = result as unknown as { value: T } | { error: unknown };
    if ("error" in settled) throw settled.error;
    return settled.value;
  }

  private dial(from: NetworkEndpoint, target: DialTarget): Transport | null {
    return from.dial(target.nodeId, target.listener, () =>
      this.openRaw(from.self, target.nodeId, target.listener),
    );
  }

  private openRaw(from: EndpointId, to: number, listener: ListenerName): Transport | null {
    const destination = this.nodes.get(to);
    if (destination?.running == null) return null;
    const [clientEnd, serverEnd] = createMemoryPipe();
    const accepted = destination.endpoint.accept(from, listener, serverEnd);
    if (accepted === null) return null;
    destination.running.accept(accepted, listener);
    return clientEnd;
  }

  /** Linux writes dirty pages back within seconds; here every WRITE_BACK_INTERVAL_MS. */
  private scheduleWriteBack(): void {
    const writeBack = () => {
      for (const node of this.nodes.values()) if (node.running !== null) node.disk.writeBack();
      this.scheduler.after(WRITE_BACK_INTERVAL_MS, writeBack);
    };
    this.scheduler.after(WRITE_BACK_INTERVAL_MS, writeBack);
  }

  private scheduleTicks(): void {
    const tick = () => {
      for (const node of this.nodes.values()) node.running?.tick();
      this.scheduler.after(TICK_INTERVAL_MS, tick);
    };
    this.scheduler.after(TICK_INTERVAL_MS, tick);
  }

  private nodeOf(id: number): SimNode {
    const node = this.nodes.get(id);
    if (node === undefined) throw new Error(`no node ${id} in this cluster`);
    return node;
  }
}
