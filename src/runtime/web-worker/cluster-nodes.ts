/**
 * The node workers of one cluster and their lifecycle: spawn, prepare (storage), wire into
 * the mesh, start, and stop — killed, shut down, or failed to start. Whenever a worker
 * ends, the page and every other worker are told, as the OS resets a dead process's
 * connections.
 */
import * as Comlink from "comlink";
import type { LinkEntry } from "../network/link-conditions.ts";
import type { StorageChoice } from "./node-storage.ts";
import { NodeWorkerHandle } from "./node-worker-handle.ts";
import { PAGE_ENDPOINT, type NodeWorkerInit } from "./node-worker-protocol.ts";
import type { PageEndpoint } from "./page-endpoint.ts";
import type { TelemetryFeed } from "./telemetry-feed.ts";
import type { TimeBase } from "./time-base.ts";

export type NodeState = "starting" | "running" | "stopping" | "stopped" | "failed";

export interface NodeView {
  nodeId: number;
  isVoter: boolean;
  state: NodeState;
  /** Why the node failed to start, when it did. */
  error: string | null;
}

interface NodeEntry {
  nodeId: number;
  state: NodeState;
  error: string | null;
  /** The worker, while there is one. */
  handle: NodeWorkerHandle | null;
}

/** What a new worker is prepared with, and the playground settings it must keep up with. */
export interface WorkerSettings {
  initFor(nodeId: number, wipe: boolean, storage: StorageChoice): NodeWorkerInit;
  time(): TimeBase;
  links(): LinkEntry[];
  tap(): boolean;
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ClusterNodes {
  private readonly entries = new Map<number, NodeEntry>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly page: PageEndpoint,
    private readonly telemetry: TelemetryFeed,
    private readonly settings: WorkerSettings,
    /** "auto" until the first worker says what this browser offers. */
    public storage: StorageChoice,
  ) {}

  /** A node the cluster knows of, with no worker yet. */
  add(nodeId: number): void {
    if (this.entries.has(nodeId)) throw new Error(`node ${nodeId} already exists`);
    this.entries.set(nodeId, { nodeId, state: "stopped", error: null, handle: null });
  }

  get size(): number {
    return this.entries.size;
  }

  ids(): number[] {
    return [...this.entries.keys()].sort((a, b) => a - b);
  }

  views(voters: readonly number[]): NodeView[] {
    return this.ids().map((nodeId) => {
      const { state, error } = this.entry(nodeId);
      return { nodeId, isVoter: voters.includes(nodeId), state, error };
    });
  }

  state(nodeId: number): NodeState {
    return this.entry(nodeId).state;
  }

  /** `listener` runs whenever a node's state changes; returns unsubscribe. */
  onChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** New workers for `nodeIds`: on empty storage (`wipe`) or recovering what is there. */
  async launch(nodeIds: number[], wipe: boolean): Promise<void> {
    for (const nodeId of nodeIds) {
      if (this.entry(nodeId).handle !== null)
        throw new Error(`node ${nodeId} is ${this.state(nodeId)}`);
    }
    const fresh = nodeIds.map((nodeId) => this.spawn(this.entry(nodeId)));
    await Promise.all(fresh.map((handle) => this.prepare(handle, wipe)));
    await this.wire(fresh.filter((handle) => handle.ready));
    await Promise.all(fresh.filter((handle) => handle.ready).map((handle) => this.start(handle)));
  }

  /** Ends the node's worker at once (no goodbye) and tells everyone it is gone. */
  async stop(nodeId: number, reason: string, state: NodeState = "stopped"): Promise<void> {
    const entry = this.entry(nodeId);
    entry.handle?.terminate();
    entry.handle = null;
    this.setState(entry, state);
    this.page.detachNode(nodeId, reason);
    await this.broadcast((handle) => handle.remote.detachPeer(nodeId, reason));
  }

  /** Controlled shutdown in the worker, then the worker ends. */
  async shutdown(nodeId: number): Promise<void> {
    const entry = this.entry(nodeId);
    const handle = entry.handle;
    if (handle === null || entry.state !== "running")
      throw new Error(`node ${nodeId} is ${entry.state}`);
    this.setState(entry, "stopping");
    try {
      await handle.remote.shutdown();
    } finally {
      if (entry.handle === handle) await this.stop(nodeId, `node ${nodeId} shut down`);
    }
  }

  /** The node's worker, for a control call; throws when it has none ready. */
  handle(nodeId: number): NodeWorkerHandle {
    const handle = this.entries.get(nodeId)?.handle;
    if (handle?.ready !== true) throw new Error(`node ${nodeId} is not running`);
    return handle;
  }

  hasWorker(nodeId: number): boolean {
    return this.entries.get(nodeId)?.handle?.ready === true;
  }

  /** Calls every prepared worker; one that dies meanwhile does not fail the others. */
  async broadcast(call: (handle: NodeWorkerHandle) => Promise<unknown>): Promise<void> {
    await Promise.allSettled(this.readyHandles().map(call));
  }

  /** Ends every worker (closing the tab does the same). */
  terminateAll(): void {
    for (const entry of this.entries.values()) {
      entry.handle?.terminate();
      entry.handle = null;
    }
  }

  private spawn(entry: NodeEntry): NodeWorkerHandle {
    const handle = new NodeWorkerHandle(entry.nodeId, {
      telemetry: (batch) => this.telemetry.accept(batch),
      error: (message) =>
        this.telemetry.emit({ kind: "error", node: entry.nodeId, where: "worker", message }),
    });
    entry.handle = handle;
    entry.error = null;
    this.setState(entry, "starting");
    return handle;
  }

  private async prepare(handle: NodeWorkerHandle, wipe: boolean): Promise<void> {
    try {
      // With "auto", every worker finds out what this browser offers (the same answer for
      // all); the cluster keeps the first answer, and later nodes are told it.
      const storage = await handle.prepare(
        this.settings.initFor(handle.nodeId, wipe, this.storage),
      );
      if (this.storage === "auto") this.storage = storage;
      if (storage !== this.storage) {
        throw new Error(`node ${handle.nodeId} chose ${storage}, the cluster uses ${this.storage}`);
      }
      // Settings changed while it was preparing reached every worker but this one.
      await Promise.all([
        handle.remote.setTime(this.settings.time()),
        handle.remote.setLinks(this.settings.links()),
        handle.remote.setTap(this.settings.tap()),
      ]);
    } catch (error) {
      await this.fail(handle, error);
    }
  }

  private async start(handle: NodeWorkerHandle): Promise<void> {
    try {
      await handle.remote.start();
      const entry = this.entry(handle.nodeId);
      if (entry.handle === handle) this.setState(entry, "running");
    } catch (error) {
      await this.fail(handle, error);
    }
  }

  /** Mesh ports between each new worker and the page and every worker already wired. */
  private async wire(fresh: NodeWorkerHandle[]): Promise<void> {
    const wired = this.readyHandles().filter((handle) => !fresh.includes(handle));
    const calls: Promise<void>[] = [];
    for (const handle of fresh) {
      const pagePort = this.page.attachNode(handle.nodeId);
      calls.push(handle.remote.attachPeer(PAGE_ENDPOINT, Comlink.transfer(pagePort, [pagePort])));
      for (const other of wired) {
        const { port1, port2 } = new MessageChannel();
        calls.push(handle.remote.attachPeer(other.nodeId, Comlink.transfer(port1, [port1])));
        calls.push(other.remote.attachPeer(handle.nodeId, Comlink.transfer(port2, [port2])));
      }
      wired.push(handle);
    }
    await Promise.allSettled(calls);
  }

  private async fail(handle: NodeWorkerHandle, error: unknown): Promise<void> {
    const entry = this.entry(handle.nodeId);
    if (entry.handle !== handle) return; // killed meanwhile: the kill said what happened
    const message = describeError(error);
    this.telemetry.emit({ kind: "error", node: handle.nodeId, where: "start", message });
    entry.error = message;
    await this.stop(handle.nodeId, `node ${handle.nodeId} failed to start`, "failed");
  }

  private readyHandles(): NodeWorkerHandle[] {
    return [...this.entries.values()].flatMap((entry) =>
      entry.handle?.ready ? [entry.handle] : [],
    );
  }

  private entry(nodeId: number): NodeEntry {
    const entry = this.entries.get(nodeId);
    if (entry === undefined) throw new RangeError(`no node ${nodeId} in this cluster`);
    return entry;
  }

  private setState(entry: NodeEntry, state: NodeState): void {
    entry.state = state;
    for (const listener of [...this.listeners]) listener();
  }
}
