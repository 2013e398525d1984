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
import { StorageError, type StorageFile } from "../../log/fs/file-system.ts";
import { normalizePath } from "../../log/fs/storage-path.ts";
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
import { OpenFileTracker } from "./open-file-tracker.ts";
import { BROWSER_WALL_CLOCK, PlaygroundClock } from "./playground-clock.ts";
import { TelemetryPoster } from "./telemetry-poster.ts";
import type { TimeBase } from "./time-base.ts";

/** The largest read `readStorageBytes` answers at once: a debug view, not a copy tool. */
const MAX_STORAGE_READ_BYTES = 4 * 1024 * 1024;

/** One name in a storage directory; `size` is known for the files the node holds open. */
export interface StorageEntry {
  name: string;
  size: number | null;
}

/** Bytes of a file from `offset`, and how big the whole file is now. */
export interface StorageBytes {
  bytes: Uint8Array;
  offset: number;
  fileSize: number;
}

const isNotFound = (error: unknown) => error instanceof StorageError && error.kind === "not-found";

/**
 * Runs `use` on `path`: through the node's own handle when it holds the file open, else on
 * a handle opened for the call (null when there is no such file).
 */
async function withStorageFile<T>(
  files: OpenFileTracker,
  path: string,
  use: (file: StorageFile) => T,
): Promise<T | null> {
  const held = files.openFile(path);
  if (held !== null) return use(held);
  let file: StorageFile;
  try {
    file = await files.open(path);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  try {
    return use(file);
  } finally {
    await file.close();
  }
}

/** Up to `length` bytes of `path` from `offset` (bounded), copied out of the backend's memory. */
function readStorageBytes(
  files: OpenFileTracker,
  path: string,
  offset: number,
  length: number,
): Promise<StorageBytes | null> {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`bad offset ${offset}`);
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`bad length ${length}`);
  const bounded = Math.min(length, MAX_STORAGE_READ_BYTES);
  return withStorageFile(files, path, (file) => {
    const fileSize = file.size();
    const bytes = offset >= fileSize ? new Uint8Array(0) : file.read(offset, bounded).slice();
    return { bytes, offset, fileSize };
  });
}

/**
 * The names in `directory`, with the size of each file the node holds open (its segments
 * and indexes); null when there is no such directory. Files the node does not hold are not
 * opened to size them: a second handle, even briefly, could make the node's own next open
 * or rename of that file fail.
 */
async function listStorage(
  files: OpenFileTracker,
  directory: string,
): Promise<StorageEntry[] | null> {
  let names: string[];
  try {
    names = await files.list(directory);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const prefix = normalizePath(directory);
  return names.map((name) => {
    const held = files.openFile(prefix === "" ? name : `${prefix}/${name}`);
    return { name, size: held === null ? null : held.size() };
  });
}

class NodeShell {
  readonly nodeId: number;
  readonly clock: PlaygroundClock;
  readonly links: LinkTable;
  readonly tap: FrameTap;
  readonly mesh: MeshEndpoint;
  readonly telemetry: TelemetryPoster;
  /** The node's storage as the node uses it (see OpenFileTracker). */
  readonly files: OpenFileTracker;
  node: RunningNode | null = null;
  private stopped = false;

  constructor(
    private readonly init: NodeWorkerInit,
    readonly storage: NodeStorage,
    telemetryPort: MessagePort,
  ) {
    this.nodeId = init.config.nodeId;
    this.files = new OpenFileTracker(storage.fs);
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
      fs: this.files,
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
  /** Names and sizes in a directory below the node's own (a storage inspector). */
  listStorage(directory: string): Promise<StorageEntry[] | null> {
    return listStorage(running().files, ownPath(directory));
  },
  /** Bytes of a file below the node's own directory, at most MAX_STORAGE_READ_BYTES at once. */
  readStorageBytes(
    path: string,
    offset = 0,
    length = MAX_STORAGE_READ_BYTES,
  ): Promise<StorageBytes | null> {
    return readStorageBytes(running().files, ownPath(path), offset, length);
  },
  writeStorageText(path: string, text: string): Promise<void> {
    return writeStorageText(running().storage.fs, ownPath(path), text);
  },
};

export type NodeWorkerApi = typeof api;

Comlink.expose(api);
