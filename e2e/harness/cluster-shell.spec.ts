/**
 * The browser shell in real Chromium: a cluster of Kafka nodes, one Web Worker each, wired
 * by the page into a full mesh of MessagePorts. Runs in a persistent profile so OPFS is
 * real and survives killed workers and page reloads.
 */
import { expect, test, type Page } from "@playwright/test";
import {
  launchPersistentChromium,
  openHarnessPage,
  type PersistentChromium,
} from "../../scripts/worker-harness-driver.ts";
import type { ClusterHarness } from "../../src/runtime/web-worker/testing/cluster-harness-page.ts";
import { collectPageErrors } from "../console-guard.ts";
import { call, CLUSTER_HARNESS_URL } from "./cluster-harness-call.ts";

const HARNESS_URL = CLUSTER_HARNESS_URL;
const API_VERSIONS = 18;

interface TappedFrame {
  id: number;
  from: number | string;
  to: number | string;
  direction: string;
  apiKey: number;
  listener: string;
}

test.describe.configure({ mode: "serial", timeout: 30_000 });

let chromium: PersistentChromium;
let expectNoPageErrors: () => void;

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
test.beforeAll(async ({}, testInfo) => {
  chromium = await launchPersistentChromium({
    profilePrefix: "cluster-shell-",
    baseURL: testInfo.project.use.baseURL,
  });
  expectNoPageErrors = collectPageErrors(chromium.page);
  await openHarnessPage(chromium.page, HARNESS_URL);
});

test.afterEach(async () => {
  await call(chromium.page, "dispose");
});

test.afterAll(async () => {
  await chromium?.close();
});

/** The probe's error text, or "answered" when it got through. */
async function probeError(
  page: Page,
  from: number | "page",
  to: number,
  listener?: string,
): Promise<string> {
  return page.evaluate(
    async ([source, target, name]) => {
      const harness = (window as unknown as { clusterHarness: ClusterHarness }).clusterHarness;
      try {
        await harness.probe(source, target, name ?? undefined);
        return "answered";
      } catch (error) {
        return String(error);
      }
    },
    [from, to, listener ?? null] as const,
  );
}

test("three nodes in workers answer the page and each other, through the links' conditions", async () => {
  const page = chromium.page;
  const cluster = await call(page, "create", { nodes: 3 });
  expect(
    cluster.nodes.map((node) => [node.nodeId, node.isVoter, node.state]),
    JSON.stringify(cluster.nodes),
  ).toEqual([
    [1, true, "running"],
    [2, true, "running"],
    [3, true, "running"],
  ]);
  expect(cluster.storage).toBe("opfs");
  expect(cluster.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);

  for (const nodeId of [1, 2, 3]) {
    const answer = await call(page, "probe", "page", nodeId);
    expect(answer.errorCode).toBe(0);
    expect(answer.apiKeys.map((api) => api.apiKey)).toContain(API_VERSIONS);
  }

  // Node to node, on both listeners, with the tap recording.
  await call(page, "setTap", true);
  const frames: TappedFrame[] = [];
  const drainFrames = async () =>
    frames.push(...((await call(page, "drainTelemetry")) as { frames: TappedFrame[] }).frames);
  expect((await call(page, "probe", 1, 2)).errorCode).toBe(0);
  expect((await call(page, "probe", 3, 1, "CONTROLLER")).errorCode).toBe(0);
  // Workers post their tap records about once a frame: wait until both probes' have arrived.
  await expect
    .poll(
      async () => {
        await drainFrames();
        const fromThree = frames.some(
          (frame) => frame.from === 3 && frame.to === 1 && frame.listener === "CONTROLLER",
        );
        return (
          fromThree && frames.some((frame) => frame.from === 2 && frame.direction === "response")
        );
      },
      { timeout: 10_000, intervals: [100] },
    )
    .toBe(true);
  const request = frames.find(
    (frame) =>
      frame.from === 1 &&
      frame.to === 2 &&
      frame.direction === "request" &&
      frame.apiKey === API_VERSIONS,
  );
  const response = frames.find(
    (frame) =>
      frame.from === 2 &&
      frame.to === 1 &&
      frame.direction === "response" &&
      frame.apiKey === API_VERSIONS,
  );
  expect(request, JSON.stringify(frames)).toBeDefined();
  expect(response).toBeDefined();
  expect(
    frames.some((frame) => frame.from === 3 && frame.to === 1 && frame.listener === "CONTROLLER"),
  ).toBe(true);
  const decoded = (await call(page, "decodeFrame", 2, response!.id)) as {
    ok: boolean;
    body: { apiKeys: { apiKey: number }[] };
  };
  expect(decoded.ok).toBe(true);
  expect(decoded.body.apiKeys.map((api) => api.apiKey)).toContain(API_VERSIONS);

  // The nodes' own traffic (Raft votes and fetches, broker registration) crosses the same mesh.
  await expect
    .poll(
      async () => {
        await drainFrames();
        return frames.some(
          (frame) =>
            typeof frame.to === "number" &&
            frame.from !== frame.to &&
            frame.apiKey !== API_VERSIONS,
        );
      },
      { timeout: 10_000 },
    )
    .toBe(true);

  // Latency each way shows in the round trip, in node time.
  await call(page, "setLink", 1, 2, { latencyMs: 150 });
  await call(page, "setLink", 2, 1, { latencyMs: 150 });
  expect((await call(page, "probe", 1, 2)).roundTripMs).toBeGreaterThanOrEqual(300);

  // A cut either way refuses new connections; healing lets them through again.
  await call(page, "setLink", 2, 1, { cut: true });
  expect(await probeError(page, 1, 2)).toContain("connection refused");
  expect(await probeError(page, 2, 1)).toContain("connection refused");
  expect(await probeError(page, 3, 1)).toBe("answered");
  await call(page, "setLink", 2, 1, { cut: false });
  expect(await probeError(page, 1, 2)).toBe("answered");
  expectNoPageErrors();
});

for (const storage of ["opfs", "indexeddb"] as const) {
  test(`a killed node restarts in a new worker and finds its storage (${storage})`, async () => {
    const page = chromium.page;
    expect((await call(page, "create", { nodes: 3, storage })).storage).toBe(storage);
    const marker = "broker-2/playground-marker.txt";
    await call(page, "writeStorageText", 2, marker, "written before the kill");
    await call(page, "drainTelemetry");

    // A control call the worker had no time to answer fails with the kill; it does not hang.
    expect(await call(page, "statusAcrossKill", 2)).toBe(
      "failed: NodeWorkerEndedError: node 2's worker has ended",
    );
    expect((await call(page, "nodes")).map((node) => node.state)).toEqual([
      "running",
      "stopped",
      "running",
    ]);
    expect(await probeError(page, "page", 2)).toContain("connection refused");
    expect(await probeError(page, 1, 2)).toContain("connection refused");
    const { events } = (await call(page, "drainTelemetry")) as {
      events: { kind: string; node: number; detail?: string }[];
    };
    expect(events).toContainEqual(
      expect.objectContaining({ kind: "node", node: 2, detail: "killed" }),
    );

    await call(page, "restart", 2);
    expect((await call(page, "nodes")).map((node) => node.state)).toEqual([
      "running",
      "running",
      "running",
    ]);
    expect(await call(page, "readStorageText", 2, marker)).toBe("written before the kill");
    expect(await probeError(page, 1, 2)).toBe("answered");
    expect(await probeError(page, "page", 2)).toBe("answered");
    expectNoPageErrors();
  });
}

test("pausing holds every frame and stops node time; resuming delivers them", async () => {
  const page = chromium.page;
  await call(page, "create", { nodes: 2, voters: 1 });
  // Node 2 is broker-only: like Kafka, it has no CONTROLLER listener.
  expect(await probeError(page, 1, 2, "CONTROLLER")).toContain("connection refused");
  await call(page, "pause");
  const pausedAt = await call(page, "nodeTimeMs");
  const fromPage = await call(page, "startProbe", "page", 1);
  const fromNode = await call(page, "startProbe", 2, 1);
  await page.waitForTimeout(800);
  expect(await call(page, "nodeTimeMs")).toBe(pausedAt);
  expect((await call(page, "probeOutcome", fromPage))?.settled).toBe(false);
  expect((await call(page, "probeOutcome", fromNode))?.settled).toBe(false);

  await call(page, "resume");
  for (const probe of [fromPage, fromNode]) {
    await expect.poll(async () => (await call(page, "probeOutcome", probe))?.settled).toBe(true);
    const { outcome } = (await call(page, "probeOutcome", probe))!;
    const { ok, result } = outcome as { ok: boolean; result: { roundTripMs: number } };
    expect(ok).toBe(true);
    // 800 ms of real time passed while paused, none of it in node time.
    expect(result.roundTripMs).toBeLessThan(400);
  }

  // At half speed, 100 ms of latency each way takes 400 ms of real time.
  await call(page, "setSpeed", 0.5);
  await call(page, "setLink", 2, 1, { latencyMs: 100 });
  await call(page, "setLink", 1, 2, { latencyMs: 100 });
  const startedAt = Date.now();
  const slow = await call(page, "probe", 2, 1);
  expect(Date.now() - startedAt).toBeGreaterThanOrEqual(400);
  expect(slow.roundTripMs).toBeGreaterThanOrEqual(200);
  expectNoPageErrors();
});

test("a page reload brings the cluster back from storage with the same ids", async () => {
  const page = chromium.page;
  const created = await call(page, "create", { nodes: 3 });
  const marker = "broker-3/playground-marker.txt";
  await call(page, "writeStorageText", 3, marker, "written before the reload");
  await call(page, "kill", 3);

  await openHarnessPage(page, HARNESS_URL);
  const restored = await call(page, "restore");
  expect(restored).not.toBeNull();
  expect(restored!.clusterId).toBe(created.clusterId);
  expect(restored!.voters).toEqual([1, 2, 3]);
  expect(restored!.storage).toBe("opfs");
  expect(restored!.nodes.map((node) => [node.nodeId, node.state])).toEqual([
    [1, "running"],
    [2, "running"],
    [3, "stopped"],
  ]);
  expect(await probeError(page, 1, 2)).toBe("answered");

  await call(page, "restart", 3);
  expect(await call(page, "readStorageText", 3, marker)).toBe("written before the reload");
  expect(await probeError(page, "page", 3)).toBe("answered");
  expectNoPageErrors();
});
