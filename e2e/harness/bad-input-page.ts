/**
 * The bad-input harness page's script, served by the Vite dev server: a real ClusterHost
 * (one Web Worker per Kafka node) and `window.badInput`, through which the bad-input specs
 * create topics badly, send oversized records, fuzz a broker with malformed frames while a
 * well-behaved client keeps working, and watch for errors the nodes report. Answers are
 * plain data (bigints as strings), since they cross into the spec's Node process.
 */
import { APIS } from "../../src/protocol/generated/api-table.ts";
import { ClusterHost, type ClusterOptions } from "../../src/runtime/web-worker/cluster-host.ts";
import {
  describeTopic,
  produce,
  readValues,
} from "../../src/runtime/web-worker/testing/harness-client.ts";
import type { TelemetryEvent } from "../../src/telemetry/telemetry-event.ts";
import { createTopicAs, metadataFor, produceSized, type TopicSpec } from "./bad-input-requests.ts";
import type { SupportedApi } from "./frame-fuzzer.ts";
import { runFuzz, type FuzzOptions } from "./fuzz-runner.ts";
import { SteadyClient } from "./steady-client.ts";

type ErrorEvent = Extract<TelemetryEvent, { kind: "error" }>;

let host: ClusterHost | null = null;
let steady: SteadyClient | null = null;
/** Every "error" event the nodes reported since the cluster started (kept from each drain). */
let errorEvents: ErrorEvent[] = [];
let droppedEvents = 0;
/** How many events of each kind the nodes sent: what filled the feed, when it overflows. */
let eventCounts: Record<string, number> = {};
let drainTimer: ReturnType<typeof setInterval> | null = null;

function current(): ClusterHost {
  if (host === null) throw new Error("no cluster: call create() first");
  return host;
}

/** Drain the page's telemetry often, keeping the errors: thousands of requests would overflow it. */
function keepErrors(): void {
  const drained = current().telemetry.drain();
  droppedEvents += drained.droppedEvents;
  for (const event of drained.events) {
    eventCounts[event.kind] = (eventCounts[event.kind] ?? 0) + 1;
    if (event.kind === "error") errorEvents.push(event);
  }
}

function stop(): void {
  if (drainTimer !== null) clearInterval(drainTimer);
  drainTimer = null;
  host?.forget();
  host = null;
}

/** The API keys (and versions) both the broker and this page's codecs know. */
async function supportedApis(nodeId: number): Promise<SupportedApi[]> {
  const answer = await current().probe("page", nodeId);
  return answer.apiKeys.flatMap(({ apiKey, minVersion, maxVersion }) => {
    const codec = APIS.get(apiKey)?.request;
    if (codec === undefined) return [];
    const low = Math.max(minVersion, codec.minVersion);
    const high = Math.min(maxVersion, codec.maxVersion);
    return low <= high ? [{ apiKey, minVersion: low, maxVersion: high }] : [];
  });
}

const badInput = {
  async create(options: Omit<ClusterOptions, "layoutStore">) {
    stop();
    host = await ClusterHost.create(options);
    errorEvents = [];
    droppedEvents = 0;
    eventCounts = {};
    drainTimer = setInterval(keepErrors, 100);
    return { storage: host.storage, nodes: host.nodes() };
  },
  dispose: () => stop(),
  nodes: () => current().nodes(),
  status: (nodeId: number) => current().status(nodeId),
  kill: (nodeId: number) => current().kill(nodeId),
  restart: (nodeId: number) => current().restart(nodeId),
  /** ApiVersions from the page: the error code, or the reason it could not be asked. */
  probe: (nodeId: number) =>
    current()
      .probe("page", nodeId)
      .then((answer) => ({ errorCode: answer.errorCode, failure: null }))
      .catch((error: unknown) => ({ errorCode: -1, failure: String(error) })),
  createTopic: (via: number, spec: TopicSpec) => createTopicAs(current(), via, spec),
  metadata: (via: number, names: string[], autoCreate: boolean) =>
    metadataFor(current(), via, names, autoCreate),
  describeTopic: (via: number, topic: string) => describeTopic(current(), via, topic),
  produce: (nodeId: number, topic: string, partition: number, values: string[], acks: number) =>
    produce(current(), nodeId, topic, partition, values, acks),
  produceSized: (
    nodeId: number,
    topic: string,
    partition: number,
    shape: { records: number; valueBytes: number },
    acks: number,
  ) => produceSized(current(), nodeId, topic, partition, shape, acks),
  /**
   * Produces batches of one `valueBytes` record (acks=1) to `nodeId` until one is refused
   * or `maxBatches` were taken: how many were, and the refusal.
   */
  async fillUntilRefused(nodeId: number, topic: string, valueBytes: number, maxBatches: number) {
    for (let accepted = 0; accepted < maxBatches; accepted++) {
      const answer = await produceSized(current(), nodeId, topic, 0, { records: 1, valueBytes }, 1);
      if (answer.errorCode !== 0) return { accepted, refusal: answer };
    }
    return { accepted: maxBatches, refusal: null };
  },
  readValues: (nodeId: number, topic: string, partition: number) =>
    readValues(current(), nodeId, topic, partition),
  /** The nodes' "error" events so far (and how many events the page had to drop unread). */
  errors() {
    keepErrors();
    return { events: errorEvents, droppedEvents, eventCounts };
  },
  supportedApis,
  async fuzz(nodeId: number, options: FuzzOptions) {
    const apis = await supportedApis(nodeId);
    return runFuzz(() => current().connect(nodeId), apis, options);
  },
  async startSteady(topic: string, intervalMs: number) {
    steady = new SteadyClient(current(), topic, intervalMs);
    await steady.start();
  },
  steadyAcknowledged(): number {
    if (steady === null) throw new Error("no steady client is running");
    return steady.acknowledgedCount;
  },
  async stopSteady(limitMs: number) {
    if (steady === null) throw new Error("no steady client is running");
    const report = await steady.stop(limitMs);
    steady = null;
    return report;
  },
  async storageUsage(): Promise<number> {
    return (await navigator.storage.estimate()).usage ?? 0;
  },
};

export type BadInputHarness = typeof badInput;

// Other engineers edit the core while specs run; Vite would answer each edit with a full
// reload, ending the cluster mid-test. A listener that never settles holds the reload off.
import.meta.hot?.on("vite:beforeFullReload", () => new Promise<never>(() => {}));

(window as unknown as { badInput: BadInputHarness }).badInput = badInput;
document.body.dataset.ready = "true";
