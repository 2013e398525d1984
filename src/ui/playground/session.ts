/**
 * The page's one playground session: the cluster (restored from storage, or the default
 * cluster on a first visit), an admin client, the user's producers and consumers, and the
 * loops that keep the store in step with the brokers: telemetry folded in once per
 * animation frame, the admin API and each node's status polled once a second, metrics
 * sampled once a second.
 */
import type { Admin } from "../../client/admin/admin.ts";
import { Kafka } from "../../client/kafka.ts";
import { ClusterHost } from "../../runtime/web-worker/cluster-host.ts";
import { pageClientIo } from "../../runtime/web-worker/page-client-io.ts";
import {
  appendBounded,
  FRAMES_LIMIT,
  METRIC_NAMES,
  METRIC_SAMPLES_LIMIT,
  TIMELINE_LIMIT,
} from "../store/activity-slice.ts";
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import type { BrokerView } from "../store/cluster-slice.ts";
import { createImportedHost, rebuildFromImport, takePendingImport } from "../share/import-boot.ts";
import { usePlayground, type PlaygroundState } from "../store/store.ts";
import { MAX_CELLS_PER_PARTITION, partitionKey, type RecordCell } from "../store/topics-slice.ts";
import { ClientHub, type RecordSeen } from "./client-hub.ts";
import {
  DEFAULT_NODES,
  DEFAULT_TOPIC,
  PLAYGROUND_SERVER_PROPERTIES,
  savedStorageChoice,
} from "./default-cluster.ts";
import { FlightBus } from "./flight-bus.ts";
import { mergePoll, POLL_TIMEOUT_MS, pollCluster } from "./metadata-poll.ts";
import { MetricsSampler } from "./metrics-sampler.ts";
import { reduceTelemetry } from "./telemetry-reducer.ts";
import { TimelineDedupe } from "./timeline-dedupe.ts";

const POLL_INTERVAL_MS = 1_000;
/**
 * How often what arrived is folded into the store. Every frame would re-render the cards'
 * numbers 60 times a second under load, and the main thread also runs the clients; ten
 * times a second reads as live, while records in flight still move every frame.
 */
const STORE_UPDATE_INTERVAL_MS = 100;
const DEFAULT_TOPIC_DEADLINE_MS = 30_000;

/**
 * Someone watching the session from outside the page's own views (the chaos run's
 * checkers): told each batch of telemetry as it is folded into the store, with how many
 * events were lost before it, and each record a client acknowledged or consumed.
 */
export interface SessionObserver {
  telemetry?(events: readonly TelemetryEvent[], droppedEvents: number): void;
  record?(record: RecordSeen): void;
}

const setState = (patch: Partial<PlaygroundState>) => usePlayground.setState(patch);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class PlaygroundSession {
  readonly flights = new FlightBus();
  readonly admin: Admin;
  /** The once-a-second poll's own admin, which gives up after POLL_TIMEOUT_MS. */
  private readonly pollingAdmin: Admin;
  readonly clients: ClientHub;
  private readonly dedupe = new TimelineDedupe();
  private readonly sampler = new MetricsSampler();
  private readonly pendingCells = new Map<string, RecordCell[]>();
  private readonly pendingRevokes = new Set<string>();
  private readonly observers = new Set<SessionObserver>();
  private clientsChanged = true;
  private nextTimelineId = 1;
  private lastSampleMs: number;
  private closed = false;
  private frameHandle = 0;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private wakePoll: (() => void) | null = null;

  constructor(readonly host: ClusterHost) {
    const io = pageClientIo(host);
    const kafka = new Kafka({
      clientId: "playground-admin",
      brokers: this.bootstrap(),
      transport: io,
    });
    this.admin = kafka.admin();
    this.pollingAdmin = kafka.admin({ "default.api.timeout.ms": POLL_TIMEOUT_MS });
    this.clients = new ClientHub(io, () => this.bootstrap(), {
      onRecord: (record) => this.recordSeen(record),
      onRevoked: (groupId) => this.pendingRevokes.add(groupId),
      onChanged: () => {
        this.clientsChanged = true;
      },
    });
    this.lastSampleMs = host.clock.nowMs();
    host.onNodesChanged(() => this.nodesChanged());
    this.nodesChanged();
  }

  /** Every broker's advertised address: clients bootstrap from whichever answers. */
  bootstrap(): string[] {
    return this.host.nodes().map((node) => `broker-${node.nodeId}:9092`);
  }

  /** The loops begin; clients saved by the last visit start again. */
  run(): void {
    let appliedAt = -Infinity;
    const frame = (now: number) => {
      if (this.closed) return;
      if (now - appliedAt >= STORE_UPDATE_INTERVAL_MS) {
        appliedAt = now;
        this.frame();
      }
      this.flights.flush();
      this.frameHandle = requestAnimationFrame(frame);
    };
    this.frameHandle = requestAnimationFrame(frame);
    void this.pollLoop();
    this.clients.restore();
  }

  async close(): Promise<void> {
    this.closed = true;
    cancelAnimationFrame(this.frameHandle);
    if (this.pollTimer !== null) clearTimeout(this.pollTimer);
    await this.clients.stopAll();
    await this.admin.disconnect().catch(() => {});
    await this.pollingAdmin.disconnect().catch(() => {});
  }

  /** `observer` is told what the session sees from now on; returns unsubscribe. */
  observe(observer: SessionObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Asks the admin API now rather than at the next tick (after the user changed something). */
  pollNow(): void {
    if (this.pollTimer !== null) clearTimeout(this.pollTimer);
    this.wakePoll?.();
  }

  /** Creates the default topic once the brokers can take it (a first visit). */
  async createDefaultTopic(): Promise<void> {
    const deadline = performance.now() + DEFAULT_TOPIC_DEADLINE_MS;
    for (;;) {
      try {
        await this.admin.connect();
        await this.admin.createTopics({ topics: [DEFAULT_TOPIC], waitForLeaders: true });
        return;
      } catch (error) {
        // Until the brokers have registered, the controller cannot place three replicas.
        if (performance.now() > deadline) throw error;
        await wait(200);
      }
    }
  }

  private recordSeen(record: RecordSeen): void {
    for (const observer of this.observers) observer.record?.(record);
    const key = partitionKey(record.topic, record.partition);
    const cells = this.pendingCells.get(key) ?? [];
    cells.push({ offset: record.offset, key: record.key });
    if (cells.length > MAX_CELLS_PER_PARTITION) cells.shift();
    this.pendingCells.set(key, cells);
    const leader =
      usePlayground.getState().topics[record.topic]?.partitions[record.partition]?.leader ?? -1;
    if (leader < 0) return;
    const broker = { kind: "broker" as const, id: leader };
    const client = { kind: record.by.kind, id: record.by.id };
    this.flights.push({
      kind: record.by.kind === "producer" ? "produce" : "fetch",
      from: record.by.kind === "producer" ? client : broker,
      to: record.by.kind === "producer" ? broker : client,
      topic: record.topic,
      partition: record.partition,
      records: 1,
      key: record.key,
    });
  }

  private nodesChanged(): void {
    const known = usePlayground.getState().brokers;
    const brokers: Record<number, BrokerView> = {};
    for (const node of this.host.nodes()) {
      const old = known[node.nodeId];
      brokers[node.nodeId] = {
        id: node.nodeId,
        isVoter: node.isVoter,
        process: node.state,
        fenced: old?.fenced ?? true,
        raftRole: node.state === "running" ? (old?.raftRole ?? null) : null,
        raftEpoch: old?.raftEpoch ?? -1,
        bytesAppended: old?.bytesAppended ?? 0,
        error: node.error,
      };
    }
    setState({ brokers, storage: this.host.storage, faultyLinks: this.host.faultyLinks() });
  }

  /** Everything that arrived since the last call, in one store update. */
  private frame(): void {
    const state = usePlayground.getState();
    const drained = this.host.telemetry.drain();
    if (drained.events.length > 0 || drained.droppedEvents > 0) {
      for (const observer of this.observers)
        observer.telemetry?.(drained.events, drained.droppedEvents);
    }
    const patch: Partial<PlaygroundState> = {};
    const nowMs = this.host.clock.nowMs();
    if (drained.events.length > 0) {
      const outcome = reduceTelemetry(state, drained.events, nowMs, this.dedupe);
      Object.assign(patch, outcome.state);
      for (const flight of outcome.flights) this.flights.push(flight);
      this.sampler.countAppended(outcome.leaderRecords, outcome.leaderBytes);
      if (outcome.timeline.length > 0) {
        const entries = outcome.timeline.map((entry) => ({ ...entry, id: this.nextTimelineId++ }));
        patch.timeline = appendBounded(state.timeline, entries, TIMELINE_LIMIT);
      }
    }
    if (drained.frames.length > 0 || drained.droppedFrames > 0) {
      patch.frames = appendBounded(state.frames, drained.frames, FRAMES_LIMIT);
      patch.droppedFrames = state.droppedFrames + drained.droppedFrames;
    }
    if (this.pendingCells.size > 0) {
      patch.topics = this.withCells(patch.topics ?? state.topics);
    }
    if (this.pendingRevokes.size > 0) {
      const groups = { ...(patch.groups ?? state.groups) };
      for (const groupId of this.pendingRevokes) {
        const group = groups[groupId];
        if (group !== undefined) groups[groupId] = { ...group, phase: "revoke" };
      }
      this.pendingRevokes.clear();
      patch.groups = groups;
    }
    if (this.clientsChanged) {
      this.clientsChanged = false;
      patch.producers = this.clients.producerViews();
      patch.consumers = this.clients.consumerViews();
    }
    if (nowMs - this.lastSampleMs >= 1_000) this.sampleMetrics(state, nowMs, patch);
    if (Object.keys(patch).length > 0) setState(patch);
  }

  private withCells(topics: PlaygroundState["topics"]): PlaygroundState["topics"] {
    const next = { ...topics };
    for (const [key, cells] of this.pendingCells) {
      const split = key.lastIndexOf(":");
      const topicName = key.slice(0, split);
      const index = Number(key.slice(split + 1));
      const topic = next[topicName];
      const partition = topic?.partitions[index];
      if (topic === undefined || partition === undefined) continue;
      const byOffset = new Map(partition.cells.map((cell) => [cell.offset, cell]));
      for (const cell of cells) byOffset.set(cell.offset, cell);
      const merged = [...byOffset.values()]
        .sort((a, b) => a.offset - b.offset)
        .slice(-MAX_CELLS_PER_PARTITION);
      const partitions = [...topic.partitions];
      partitions[index] = { ...partition, cells: merged };
      next[topicName] = { ...topic, partitions };
    }
    this.pendingCells.clear();
    return next;
  }

  private sampleMetrics(
    state: PlaygroundState,
    nowMs: number,
    patch: Partial<PlaygroundState>,
  ): void {
    // Producers' latencies are sampled fresh: their views update only when they change.
    const producers = this.clients.producerViews();
    const values = this.sampler.sample({ ...state, producers }, nowMs - this.lastSampleMs);
    this.lastSampleMs = nowMs;
    const metrics = { ...state.metrics };
    for (const name of METRIC_NAMES) {
      metrics[name] = appendBounded(
        metrics[name],
        [{ atMs: nowMs, value: values[name] }],
        METRIC_SAMPLES_LIMIT,
      );
    }
    patch.metrics = metrics;
  }

  private async pollLoop(): Promise<void> {
    while (!this.closed) {
      await Promise.all([this.pollAdmin(), this.pollStatuses()]);
      await new Promise<void>((resolve) => {
        this.wakePoll = resolve;
        this.pollTimer = setTimeout(resolve, POLL_INTERVAL_MS);
      });
      this.wakePoll = null;
    }
  }

  private async pollAdmin(): Promise<void> {
    const startedMs = this.host.clock.nowMs();
    try {
      const poll = await pollCluster(this.pollingAdmin);
      if (!this.closed) setState(mergePoll(usePlayground.getState(), poll, startedMs));
    } catch {
      // No broker answered (all down, or paused): the page keeps what it knew.
    }
  }

  private async pollStatuses(): Promise<void> {
    const statuses = await Promise.all(
      this.host.nodes().map((node) => this.host.status(node.nodeId).catch(() => null)),
    );
    const state = usePlayground.getState();
    const brokers = { ...state.brokers };
    let controllerId = state.controllerId;
    let controllerEpoch = state.controllerEpoch;
    for (const status of statuses) {
      const broker = status === null ? undefined : brokers[status.nodeId];
      if (status === null || broker === undefined) continue;
      brokers[status.nodeId] = {
        ...broker,
        fenced: status.fenced,
        raftRole: status.raftRole,
        raftEpoch: status.raftEpoch,
      };
      if (status.raftLeader >= 0 && status.raftEpoch >= controllerEpoch) {
        controllerId = status.raftLeader;
        controllerEpoch = status.raftEpoch;
      }
    }
    setState({ brokers, controllerId, controllerEpoch });
  }
}

let session: PlaygroundSession | null = null;
let starting: Promise<PlaygroundSession> | null = null;

/** The running session; throws before the playground has started. */
export function playgroundSession(): PlaygroundSession {
  if (session === null) throw new Error("the playground has not started yet");
  return session;
}

export function hasPlaygroundSession(): boolean {
  return session !== null;
}

/** Restores the saved cluster or starts the default one; once per page (StrictMode calls twice). */
export function startPlayground(): Promise<PlaygroundSession> {
  starting ??= boot();
  return starting;
}

async function boot(): Promise<PlaygroundSession> {
  const setBoot = (boot: Partial<PlaygroundState["boot"]>) =>
    setState({ boot: { ...usePlayground.getState().boot, ...boot } });
  try {
    setBoot({ status: "starting", step: "boot.restoring" });
    // A confirmed import (kept across the reset's reload) starts instead of the saved cluster.
    const imported = takePendingImport();
    let host = imported === null ? await ClusterHost.restore() : await createImportedHost(imported);
    const firstVisit = host === null;
    if (host === null) {
      setBoot({ step: "boot.starting", firstVisit: true });
      host = await ClusterHost.create({
        nodes: DEFAULT_NODES,
        storage: savedStorageChoice(),
        properties: { ...PLAYGROUND_SERVER_PROPERTIES },
      });
    }
    const created = new PlaygroundSession(host);
    session = created;
    setState({ clusterId: host.clusterId, welcome: firstVisit });
    created.run();
    if (imported !== null) {
      // The cluster is up; the import's own dialog shows the rest of the rebuild.
      void rebuildFromImport(created, imported);
    } else if (firstVisit) {
      setBoot({ step: "boot.topic" });
      await created.createDefaultTopic();
      created.pollNow();
    }
    setBoot({ status: "ready", step: "boot.ready" });
    return created;
  } catch (error) {
    setBoot({ status: "error", error: describe(error) });
    throw error;
  }
}

/** Ends the session (reset): the next start begins from nothing. */
export async function endPlayground(): Promise<void> {
  const ended = session;
  session = null;
  starting = null;
  await ended?.close();
}
