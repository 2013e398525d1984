/**
 * Bad frames on a live broker worker: thousands of seeded random frames and mutations of
 * well-formed requests of every API the broker offers, on raw connections to node 1 of a
 * three-worker cluster on OPFS, while a well-behaved client produces (idempotent,
 * acks=all) and consumes through the same cluster. Every frame our codec cannot read as a
 * valid request must get an error response or a closed connection, as Kafka gives it;
 * no worker dies, no node reports a request it failed to handle, and the other client sees
 * no error and loses nothing. FUZZ_SEED replays a run; FUZZ_FRAMES sends more (or fewer).
 */
import { expect, test } from "@playwright/test";
import { call, useBadInputSession } from "./bad-input-call.ts";
import { FUZZ_TOPIC } from "./fuzz-base-requests.ts";

test.describe.configure({ mode: "serial", timeout: 150_000 });

const SEED = Number(process.env.FUZZ_SEED ?? 82026);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 5000);
const FUZZED_NODE = 1;

const session = useBadInputSession("bad-input-fuzz-");

async function waitForBrokers(count: number): Promise<void> {
  await expect
    .poll(
      async () =>
        (await call(session.page, "describeTopic", 1, FUZZ_TOPIC).catch(() => null))?.brokers
          .length,
      { timeout: 40_000, intervals: [250] },
    )
    .toBe(count);
}

test(`${FRAMES} bad frames get an error or a closed connection; the broker and its other clients carry on`, async () => {
  const page = session.page;
  await call(page, "create", { nodes: 3, voters: 3, storage: "opfs", properties: {} });
  await waitForBrokers(3);
  expect(
    (await call(page, "createTopic", 1, { name: FUZZ_TOPIC, partitions: 1, replicationFactor: 3 }))
      .errorCode,
  ).toBe(0);
  await call(page, "startSteady", "steady", 25);
  await expect.poll(() => call(page, "steadyAcknowledged"), { timeout: 20_000 }).toBeGreaterThan(0);

  const before = await call(page, "steadyAcknowledged");
  const report = await call(page, "fuzz", FUZZED_NODE, {
    seed: SEED,
    frames: FRAMES,
    lanes: 8,
    frameTimeoutMs: 5000,
  });
  const duringFuzz = (await call(page, "steadyAcknowledged")) - before;
  // A little more traffic after the storm, then everything it sent must have been read.
  await page.waitForTimeout(2000);
  const steady = await call(page, "stopSteady", 30_000);
  const figures = {
    seed: SEED,
    ...report,
    unanswered: report.unanswered.length,
    steady: { ...steady, acknowledgedDuringFuzz: duringFuzz },
  };
  console.log(`fuzz figures: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: "figures", description: JSON.stringify(figures) });

  expect(report.framesSent).toBe(FRAMES);
  expect(report.unanswered, "frames that are not valid requests yet got no error").toEqual([]);
  expect(report.correlationMismatches).toBe(0);
  expect(report.outcomes["error-response"]).toBeGreaterThan(0);
  expect(report.outcomes.closed).toBeGreaterThan(0);
  // Many APIs were tried, not a handful.
  expect(report.apiKeys.length).toBeGreaterThanOrEqual(25);

  // The fuzzed worker is alive and answers; every node still runs.
  expect((await call(page, "nodes")).map((node) => node.state)).toEqual([
    "running",
    "running",
    "running",
  ]);
  expect(await call(page, "probe", FUZZED_NODE)).toEqual({ errorCode: 0, failure: null });
  expect((await call(page, "status", FUZZED_NODE))?.nodeId).toBe(FUZZED_NODE);
  // No request made a handler throw (the node would have dropped the connection and said so).
  const { events, droppedEvents, eventCounts } = await call(page, "errors");
  console.log(`node events: ${JSON.stringify(eventCounts)}, dropped ${droppedEvents}`);
  expect(droppedEvents).toBe(0);
  expect(
    events.filter((event) => event.where.includes("request") || event.where === "tick"),
  ).toEqual([]);

  // The well-behaved client noticed nothing.
  expect(steady.errors).toEqual([]);
  expect(steady.missing).toEqual([]);
  // It kept working through the fuzz (slower: the page and node 1 share two loaded cores).
  expect(duringFuzz).toBeGreaterThan(0);
  expect(steady.produced).toBeGreaterThan(before + duringFuzz);
  session.expectNoPageErrors();
});
