/**
 * The product path in real Chromium: three broker Workers on OPFS replicate a topic with
 * acks=all, survive the partition leader's worker being killed (a new leader takes writes,
 * the old one comes back and catches up), and keep every acknowledged record when all
 * three workers are killed and started again from storage.
 */
import { expect, test } from "@playwright/test";
import {
  launchPersistentChromium,
  openHarnessPage,
  type PersistentChromium,
} from "../../scripts/worker-harness-driver.ts";
import { collectPageErrors } from "../console-guard.ts";
import { call, CLUSTER_HARNESS_URL } from "./cluster-harness-call.ts";

test.describe.configure({ mode: "serial", timeout: 150_000 });

let chromium: PersistentChromium;
let expectNoPageErrors: () => void;

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
test.beforeAll(async ({}, testInfo) => {
  chromium = await launchPersistentChromium({
    profilePrefix: "cluster-replication-",
    baseURL: testInfo.project.use.baseURL,
  });
  expectNoPageErrors = collectPageErrors(chromium.page);
  await openHarnessPage(chromium.page, CLUSTER_HARNESS_URL);
});

test.afterAll(async () => {
  await call(chromium.page, "dispose");
  await chromium?.close();
});

const TOPIC = "orders";

/** Polls the cluster (through node `via`) until the partition has a leader with this many ISR members. */
async function leaderWithIsr(via: number, isrSize: number, notLeader = -1): Promise<number> {
  let leader = -1;
  await expect
    .poll(
      async () => {
        const described = await call(chromium.page, "describeTopic", via, TOPIC).catch(() => null);
        const partition = described?.partitions[0];
        leader = partition?.leader ?? -1;
        return leader >= 0 && leader !== notLeader && (partition?.isr.length ?? 0) >= isrSize;
      },
      { timeout: 40_000, intervals: [250] },
    )
    .toBe(true);
  return leader;
}

async function produceAcked(leader: number, values: string[]): Promise<void> {
  await expect
    .poll(
      async () =>
        (await call(chromium.page, "produce", leader, TOPIC, 0, values, -1).catch(() => null))
          ?.errorCode,
      {
        timeout: 20_000,
        intervals: [250],
      },
    )
    .toBe(0);
}

test("acks=all writes survive a killed leader and a restart of every worker", async () => {
  const page = chromium.page;
  await call(page, "create", { nodes: 3, voters: 3, storage: "opfs", properties: {} });
  await expect
    .poll(
      async () => (await call(page, "describeTopic", 1, TOPIC).catch(() => null))?.brokers.length,
      { timeout: 40_000, intervals: [250] },
    )
    .toBe(3);
  expect(await call(page, "createTopic", 1, TOPIC, 1, 3, { "min.insync.replicas": "2" })).toBe(0);
  const first = await leaderWithIsr(1, 3);

  const acknowledged: string[] = [];
  for (let i = 0; i < 3; i++) {
    const values = [`before-${i}-a`, `before-${i}-b`];
    await produceAcked(first, values);
    acknowledged.push(...values);
  }

  await call(page, "kill", first);
  const survivor = first === 1 ? 2 : 1;
  const second = await leaderWithIsr(survivor, 2, first);
  expect(second).not.toBe(first);
  for (let i = 0; i < 3; i++) {
    const values = [`after-${i}`];
    await produceAcked(second, values);
    acknowledged.push(...values);
  }

  await call(page, "restart", first);
  await leaderWithIsr(second, 3);
  const read = await call(page, "readValues", second, TOPIC, 0);
  expect(read.values).toEqual(acknowledged);

  // Every worker dies at once; new workers recover the logs from OPFS. The restarted
  // controller gives the old registrations a fresh session (broker.session.timeout.ms, 9 s)
  // before the new ones are accepted, so leadership settles only after that.
  for (const id of [1, 2, 3]) await call(page, "kill", id);
  for (const id of [1, 2, 3]) await call(page, "restart", id);
  await expect
    .poll(
      async () => {
        const described = await call(page, "describeTopic", 1, TOPIC).catch(() => null);
        const leader = described?.partitions[0]?.leader ?? -1;
        if (leader < 0) return null;
        return (await call(page, "readValues", leader, TOPIC, 0).catch(() => null))?.values;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toEqual(acknowledged);
  expectNoPageErrors();
});
