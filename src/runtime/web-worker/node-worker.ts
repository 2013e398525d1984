/**
 * A Kafka node's Web Worker: the browser shell around `startKafkaNode`. The page drives
 * it through comlink (the control plane: prepare, wire the mesh, start, time, links, tap,
 * shutdown); Kafka frames between nodes and clients travel on MessagePorts of their own
 * (the data plane, see mesh-endpoint.ts). Killing the node is `worker.terminate()`: only
 * what it wrote to storage survives.
 */
import * as Comlink from "comlink";
import {
  BROKER_LISTENER,
  CONTROLLER_LISTENER,
  type DialTarget,
} from "../../client/node-requester.ts";
import type { Transport } from "../../client/transport.ts";
import {
  TICK_INTERVAL_MS,
  type NodeStatus,
  type RunningNode,
} from "../kafka-node/kafka-node-contract.ts";
import { loadCompression } from "../kafka-node/load-compression.ts";
import { startKafkaNode } from "../kafka-node/start-kafka-node.ts";
import { FrameTap, type DecodedFrame } from "../network/frame-tap.ts";
import { LinkTable, type EndpointId, type LinkEntry } from "../network/link-conditions.ts";
import { NetworkEndpoint } from "../network/network-endpoint.ts";
import { probeApiVersions, type ProbeResult } from "./api-versions-probe.ts";
import { MeshEndpoint } from "./mesh-endpoint.ts";
import {
  nodeStorageRoot,
  openNodeStorage,
  readStorageText,
  wipeNodeStorage,
  writeStorageText,
  type NodeStorage,
  type StorageKind,
} from "./node-storage.ts";
import { PROBE_TIMEOUT_MS, type NodeWorkerInit } from "./node-worker-protocol.ts";
import { BROWSER_WALL_CLOCK, PlaygroundClock } from "./playground-clock.ts";
import { TelemetryPoster } from "./telemetry-poster.ts";
import type { TimeBase } from "./time-base.ts";

class NodeShell {
  readonly nodeId: number;
  readonly clock: PlaygroundClock;
  readonly links: LinkTable;
  readonly tap: FrameTap;
  readonly mesh: MeshEndpoint;
  readonly telemetry: TelemetryPoster;
  node: RunningNode | null = null;
  private stopped = false;

  constructor(
    private readonly init: NodeWorkerInit,
    readonly storage: NodeStorage,
    telemetryPort: MessagePort,
  ) {
    this.nodeId = init.config.nodeId;
    this.clock = new PlaygroundClock(init.time, BROWSER_WALL_CLOCK);
    this.links = new LinkTable(init.links);
    this.tap = new FrameTap({ enabled: init.tap });
    this.telemetry = new TelemetryPoster(
      (batch) => telemetryPort.postMessage(batch),
      this.tap,
      BROWSER_WALL_CLOCK,
    );
    this.tap.onRecord = () => this.telemetry.schedule();
    const network = new NetworkEndpoint(this.nodeId, {
      scheduler: this.clock,
      random: Math.random,
      links: this.links,
      tap: this.tap,
    });
    this.mesh = new MeshEndpoint(network, this.clock.gate, (transport, listener) =>
      this.accept(transport, listener),
    );
  }

  async start(): Promise<void> {
    if (this.node !== null) throw new Error(`node ${this.nodeId} is already started`);
    await loadCompression();
    this.node = await startKafkaNode(this.init.config, {
      clock: this.clock,
      fs: this.storage.fs,
      dial: (target: DialTarget) => this.mesh.dial(target.nodeId, target.listener),
      telemetry: this.telemetry,
      random: Math.random,
    });
    this.scheduleTick();
  }

  async shutdown(): Promise<void> {
    // Ticks go on during a controlled shutdown: its requests to the controller time out by them.
    await this.node?.shutdown();
    this.stopped = true;
    this.telemetry.flush();
  }

  /** A listener exists once the node runs; broker-only nodes have no CONTROLLER listener, as in Kafka. */
  private accept(transport: Transport, listener: string): boolean {
    if (this.node === null || this.stopped) return false;
    if (listener === BROKER_LISTENER) {
      this.node.accept(transport, listener);
      return true;
    }
    if (listener === CONTROLLER_LISTENER && this.init.config.voters.includes(this.nodeId)) {
      this.node.accept(transport, listener);
      return true;
    }
    return false;
  }

  private scheduleTick(): void {
    this.clock.after(TICK_INTERVAL_MS, () => {
      if (this.stopped || this.node === null) return;
      try {
        this.node.tick();
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.telemetry.emit({ kind: "error", node: this.nodeId, where: "tick", message });
      }
      this.scheduleTick();
    });
  }
}

let shell: NodeShell | null = null;

function running(): NodeShell {
  if (shell === null) throw new Error("the node worker is not prepared");
  return shell;
}

/** Debug reads and writes stay inside the node's own directory. */
function ownPath(path: string): string {
  const root = nodeStorageRoot(running().nodeId);
  if (path !== root && !path.startsWith(`${root}/`)) throw new Error(`${path} is outside ${root}/`);
  return path;
}

const api = {
  async prepare(
    init: NodeWorkerInit,
    telemetryPort: MessagePort,
  ): Promise<{ storage: StorageKind }> {
    if (shell !== null) throw new Error("the node worker is already prepared");
    const storage = await openNodeStorage(init.storage, init.config.nodeId);
    if (init.wipe) await wipeNodeStorage(storage, init.config.nodeId);
    shell = new NodeShell(init, storage, telemetryPort);
    return { storage: storage.kind };
  },
  attachPeer(peer: EndpointId, port: MessagePort): void {
    running().mesh.attachPeer(peer, port);
  },
  detachPeer(peer: EndpointId, reason: string): void {
    const { clock, mesh } = running();
    // Through the gate: a paused node learns of a dead peer only when time moves again.
    clock.gate.pass(() => mesh.detachPeer(peer, reason));
  },
  start(): Promise<void> {
    return running().start();
  },
  shutdown(): Promise<void> {
    return running().shutdown();
  },
  setTime(base: TimeBase): void {
    running().clock.apply(base);
  },
  setLinks(entries: LinkEntry[]): void {
    running().links.replaceAll(entries);
  },
  setTap(enabled: boolean): void {
    running().tap.enabled = enabled;
  },
  status(): NodeStatus | null {
    return running().node?.status() ?? null;
  },
  decodeFrame(id: number): DecodedFrame | null {
    return running().tap.decode(id);
  },
  /** Dial `peer` from this node, through the same network its own requests use, and ask ApiVersions. */
  probe(peer: EndpointId, listener: string): Promise<ProbeResult> {
    const { mesh, clock } = running();
    return probeApiVersions(
      mesh.dial(peer, listener),
      clock,
      PROBE_TIMEOUT_MS,
      `node-${running().nodeId}-probe`,
    );
  },
  readStorageText(path: string): Promise<string | null> {
    return readStorageText(running().storage.fs, ownPath(path));
  },
  writeStorageText(path: string, text: string): Promise<void> {
    return writeStorageText(running().storage.fs, ownPath(path), text);
  },
};

export type NodeWorkerApi = typeof api;

Comlink.expose(api);
