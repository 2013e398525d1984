/**
 * A cluster of RaftNodes in one process, for tests: each node on its own MemoryFileSystem,
 * serving its CONTROLLER handlers (plus ApiVersions) through serveConnection, and sending
 * through a ConnectionPool whose dialer makes in-memory transport pairs. Time is a
 * ManualClock moved in 10 ms steps; each step expires request timeouts, ticks every live
 * node and drains the microtask queue. Links can be cut (partitions) and nodes killed
 * (links dropped, memory discarded, disk kept as a process crash leaves it) and reopened.
 */
import { HandlerRegistry } from "../../../server/handler-registry.ts";
import { apiVersionsHandler } from "../../../server/handlers/18-api-versions.ts";
import { serveConnection } from "../../../server/serve-connection.ts";
import { ManualClock } from "../../../client/clock.ts";
import { ConnectionPool } from "../../../client/connection-pool.ts";
import { CONTROLLER_LISTENER, type DialTarget } from "../../../client/node-requester.ts";
import { transportPair } from "../../../client/testing/in-memory-transport.ts";
import type { Transport } from "../../../client/transport.ts";
import { MemoryFileSystem } from "../../../log/fs/memory-file-system.ts";
import type { TelemetryEvent } from "../../../telemetry/telemetry-event.ts";
import type { RaftConfig } from "../raft-config.ts";
import { RaftNode } from "../raft-node.ts";

export const CLUSTER_ID = "raft-test-cluster-id0";
export const TICK_MS = 10;

/** mulberry32: a small seeded generator, so every run of a seed is the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CommittedValue {
  offset: bigint;
  value: string;
}

export interface ClusterNode {
  id: number;
  /** null while the node is down. */
  raft: RaftNode | null;
  fs: MemoryFileSystem;
  pool: ConnectionPool;
  registry: HandlerRegistry;
  /** What onCommit delivered since the node was last (re)opened. */
  committed: CommittedValue[];
  /** The highest HW seen since the node was last (re)opened: it must never go back. */
  highestHighWatermark: bigint;
  /** How many of `committed` were checked against the records every node agreed on. */
  checkedCommits: number;
}

interface Link {
  from: number;
  to: number;
  client: Transport;
  server: Transport;
}

export interface ClusterOptions {
  voters: number[];
  observers?: number[];
  seed?: number;
  config?: Partial<RaftConfig>;
}

const text = new TextDecoder();

export class RaftCluster {
  readonly clock = new ManualClock(0);
  readonly nodes = new Map<number, ClusterNode>();
  /** Every telemetry event of every node, in order. */
  readonly events: TelemetryEvent[] = [];
  /** The committed sequence as first seen by any node: every node's must match it. */
  private readonly agreedCommits: CommittedValue[] = [];
  private readonly cutPairs = new Set<string>();
  private links: Link[] = [];
  private readonly random: () => number;

  private constructor(private readonly options: ClusterOptions) {
    this.random = seededRandom(options.seed ?? 1);
  }

  static async start(options: ClusterOptions): Promise<RaftCluster> {
    const cluster = new RaftCluster(options);
    for (const id of [...options.voters, ...(options.observers ?? [])]) {
      await cluster.open(id, new MemoryFileSystem());
    }
    return cluster;
  }

  node(id: number): ClusterNode {
    const node = this.nodes.get(id);
    if (node === undefined) throw new Error(`no node ${id}`);
    return node;
  }

  raft(id: number): RaftNode {
    const raft = this.node(id).raft;
    if (raft === null) throw new Error(`node ${id} is down`);
    return raft;
  }

  private async open(id: number, fs: MemoryFileSystem): Promise<void> {
    const nodeRandom = seededRandom(Math.floor(this.random() * 2 ** 32));
    const pool = new ConnectionPool(
      `raft-${id}`,
      (target) => this.dial(id, target),
      (nodeId) => (this.nodes.has(nodeId) ? { host: `node-${nodeId}`, port: 9093 } : null),
      this.clock,
    );
    const raft = await RaftNode.open({
      nodeId: id,
      voters: this.options.voters,
      clusterId: CLUSTER_ID,
      fs,
      directory: `broker-${id}/__cluster_metadata-0`,
      requester: pool,
      clock: this.clock,
      random: nodeRandom,
      config: this.options.config,
      telemetry: { emit: (event) => this.events.push(event) },
    });
    const registry = new HandlerRegistry().register(apiVersionsHandler);
    for (const handler of raft.handlers) registry.register(handler);
    const node: ClusterNode = {
      id,
      raft,
      fs,
      pool,
      registry,
      committed: [],
      highestHighWatermark: -1n,
      checkedCommits: 0,
    };
    raft.onCommit((records) => {
      for (const record of records)
        node.committed.push({ offset: record.offset, value: text.decode(record.value) });
    });
    this.nodes.set(id, node);
  }

  private dial(from: number, target: DialTarget): Transport | null {
    const node = this.nodes.get(target.nodeId);
    if (node === undefined || node.raft === null || this.isCut(from, target.nodeId)) return null;
    const [client, server] = transportPair();
    serveConnection(server, node.registry, undefined);
    this.links.push({ from, to: target.nodeId, client, server });
    return client;
  }

  private static pairKey(a: number, b: number): string {
    return a < b ? `${a}-${b}` : `${b}-${a}`;
  }

  private isCut(a: number, b: number): boolean {
    return this.cutPairs.has(RaftCluster.pairKey(a, b));
  }

  /** Close every open link between `a` and `b` (both directions). */
  private dropLinks(matches: (link: Link) => boolean): void {
    const dropped = this.links.filter(matches);
    this.links = this.links.filter((link) => !matches(link));
    for (const link of dropped) {
      link.client.close();
      link.server.close();
    }
  }

  /** Cut every link between the two groups (until `heal`). */
  partition(groupA: number[], groupB: number[]): void {
    for (const a of groupA) for (const b of groupB) this.cutPairs.add(RaftCluster.pairKey(a, b));
    this.dropLinks((link) => this.isCut(link.from, link.to));
  }

  isolate(id: number): void {
    this.partition(
      [id],
      [...this.nodes.keys()].filter((other) => other !== id),
    );
  }

  heal(): void {
    this.cutPairs.clear();
  }

  /**
   * The process dies: links drop, memory is gone, the disk is what the crash leaves (a
   * process crash keeps written bytes; a power cut only flushed ones).
   */
  kill(id: number, mode: "process" | "power" = "process"): void {
    const node = this.node(id);
    node.raft = null;
    this.dropLinks((link) => link.from === id || link.to === id);
    node.pool.closeAll();
    node.fs = node.fs.crash({ mode });
  }

  async restart(id: number): Promise<void> {
    const node = this.node(id);
    if (node.raft !== null) throw new Error(`node ${id} is running`);
    await this.open(id, node.fs);
  }

  /** Let every pending microtask (in-memory deliveries, storage promises) run. */
  async settle(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async step(ms = TICK_MS): Promise<void> {
    this.clock.advance(ms);
    for (const node of this.nodes.values()) {
      if (node.raft === null) continue;
      node.pool.expire();
      node.raft.tick();
    }
    await this.settle();
    this.checkInvariants();
  }

  /**
   * Raft's safety, checked after every step: a node's HW never goes back, and what every
   * node committed agrees record by record with what the others did.
   */
  checkInvariants(): void {
    for (const node of this.liveNodes()) {
      const highWatermark = node.raft!.highWatermark;
      if (highWatermark < node.highestHighWatermark) {
        throw new Error(
          `node ${node.id}: HW went back from ${node.highestHighWatermark} to ${highWatermark}`,
        );
      }
      node.highestHighWatermark = highWatermark;
    }
    for (const node of this.nodes.values()) {
      for (; node.checkedCommits < node.committed.length; node.checkedCommits++) {
        const record = node.committed[node.checkedCommits]!;
        const agreed = this.agreedCommits[node.checkedCommits];
        if (agreed === undefined) this.agreedCommits.push(record);
        else if (agreed.offset !== record.offset || agreed.value !== record.value) {
          throw new Error(
            `node ${node.id} committed ${record.offset}=${record.value} as record ${node.checkedCommits}, others ${agreed.offset}=${agreed.value}`,
          );
        }
      }
    }
  }

  async runFor(ms: number): Promise<void> {
    for (let elapsed = 0; elapsed < ms; elapsed += TICK_MS) await this.step();
  }

  /** Step until `done` holds; returns the time it took, or throws after `maxMs`. */
  async runUntil(done: () => boolean, maxMs: number, what = "condition"): Promise<number> {
    const start = this.clock.nowMs();
    while (!done()) {
      if (this.clock.nowMs() - start >= maxMs)
        throw new Error(`${what} not reached within ${maxMs} ms`);
      await this.step();
    }
    return this.clock.nowMs() - start;
  }

  liveNodes(): ClusterNode[] {
    return [...this.nodes.values()].filter((node) => node.raft !== null);
  }

  /** The live nodes that are leader now. */
  leaders(among: number[] = [...this.nodes.keys()]): number[] {
    return this.liveNodes()
      .filter((node) => among.includes(node.id) && node.raft!.role === "leader")
      .map((node) => node.id);
  }

  /** One leader that every other live node in `among` follows, in one epoch. */
  hasStableLeader(among: number[] = [...this.nodes.keys()]): boolean {
    const leaders = this.leaders(among);
    if (leaders.length !== 1) return false;
    const leader = this.raft(leaders[0]!);
    return this.liveNodes()
      .filter((node) => among.includes(node.id))
      .every(
        (node) => node.raft!.leaderId === leader.leaderId && node.raft!.epoch === leader.epoch,
      );
  }

  async awaitStableLeader(maxMs: number, among?: number[]): Promise<number> {
    await this.runUntil(() => this.hasStableLeader(among), maxMs, "a stable leader");
    return this.leaders(among)[0]!;
  }

  /** Leaders seen per epoch in the telemetry: Raft's election safety says at most one each. */
  leadersByEpoch(): Map<number, Set<number>> {
    const byEpoch = new Map<number, Set<number>>();
    for (const event of this.events) {
      if (event.kind !== "raft" || event.role !== "leader") continue;
      const leaders = byEpoch.get(event.epoch) ?? new Set<number>();
      leaders.add(event.node);
      byEpoch.set(event.epoch, leaders);
    }
    return byEpoch;
  }

  /** Append values on the current leader; resolves with the last offset. */
  async append(values: string[]): Promise<bigint> {
    const leaders = this.leaders();
    if (leaders.length !== 1) throw new Error(`expected one leader, found ${leaders.join(",")}`);
    const appended = this.raft(leaders[0]!).append(
      values.map((value) => new TextEncoder().encode(value)),
    );
    await this.settle();
    return appended;
  }

  /**
   * Send one request to a node's CONTROLLER listener from an outside client (as
   * kafka-metadata-quorum would), stepping time until it is answered.
   */
  async request<Response>(
    target: number,
    apiKey: number,
    apiVersion: number,
    body: unknown,
    maxMs = 5000,
  ): Promise<Response> {
    const admin = new ConnectionPool(
      "admin",
      (dialed) => this.dial(-1, dialed),
      () => ({ host: "node", port: 9093 }),
      this.clock,
    );
    let outcome: { ok: true; value: Response } | { ok: false; error: unknown } | null = null;
    admin
      .request<Response>(target, CONTROLLER_LISTENER, apiKey, apiVersion, body, {
        timeoutMs: maxMs,
      })
      .then(
        (value) => (outcome = { ok: true, value }),
        (error: unknown) => (outcome = { ok: false, error }),
      );
    await this.settle();
    await this.runUntil(() => outcome !== null, maxMs, "an answer");
    admin.closeAll();
    const settled = outcome as unknown as
      { ok: true; value: Response } | { ok: false; error: unknown };
    if (!settled.ok) throw settled.error;
    return settled.value;
  }

  async closeAll(): Promise<void> {
    for (const node of this.liveNodes()) await node.raft!.close();
    this.dropLinks(() => true);
  }
}
