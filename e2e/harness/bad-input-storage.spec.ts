/**
 * A full disk on a live cluster: three broker workers on OPFS, the origin's storage quota
 * shrunk for real (Chrome DevTools Protocol), and one broker's log dir filled until a write
 * fails. As in Kafka: the Produce that hit the full disk answers KAFKA_STORAGE_ERROR, the
 * whole log dir goes offline, and the broker, whose only log dir it is, halts: it hangs up
 * on its clients, the controller fences it once its session lapses and moves leadership to
 * a replica that has every record acknowledged with acks=all. The worker itself does not
 * crash. Restarted with space back, the broker recovers its log and catches up.
 */
import { expect, test, type Page } from "@playwright/test";
import { ErrorCode } from "../../src/protocol/generated/error-codes.ts";
import { call, useBadInputSession } from "./bad-input-call.ts";
import { StorageQuota } from "./storage-quota.ts";

test.describe.configure({ mode: "serial", timeout: 150_000 });

const ORDERS = "orders";
const FILLER = "filler";
/** Room left above what the cluster uses when the quota shrinks. */
const HEADROOM_BYTES = 8 << 20;
const FILLER_RECORD_BYTES = 256 << 10;

const session = useBadInputSession("bad-input-storage-");

async function partitionState(page: Page, via: number, topic: string) {
  const described = await call(page, "describeTopic", via, topic).catch(() => null);
  const partition = described?.partitions[0];
  return { leader: partition?.leader ?? -1, isr: partition?.isr ?? [] };
}

/** Polls until `topic`-0 has a leader (other than `not`) and `isrSize` in-sync replicas. */
async function leaderWithIsr(page: Page, via: number, topic: string, isrSize: number, not = -1) {
  let leader = -1;
  await expect
    .poll(
      async () => {
        const state = await partitionState(page, via, topic);
        leader = state.leader;
        return leader >= 0 && leader !== not && state.isr.length === isrSize;
      },
      { timeout: 45_000, intervals: [250] },
    )
    .toBe(true);
  return leader;
}

/**
 * What a consumer of `leader` reads. A new leader's HW catches up once its followers fetch
 * from it (records acknowledged before the change are below it only then): poll.
 */
async function expectReadable(page: Page, leader: number, values: string[]): Promise<void> {
  await expect
    .poll(
      async () => (await call(page, "readValues", leader, ORDERS, 0).catch(() => null))?.values,
      {
        timeout: 20_000,
        intervals: [250],
      },
    )
    .toEqual(values);
}

async function produceAcked(page: Page, leader: number, values: string[]): Promise<void> {
  const answer = await call(page, "produce", leader, ORDERS, 0, values, -1);
  expect(answer.errorCode).toBe(0);
}

test("a broker whose disk fills answers KAFKA_STORAGE_ERROR, takes its log dir offline, and loses nothing acknowledged", async () => {
  const page = session.page;
  await call(page, "create", { nodes: 3, voters: 3, storage: "opfs", properties: {} });
  await expect
    .poll(async () => (await call(page, "describeTopic", 1, ORDERS).catch(() => null))?.brokers, {
      timeout: 40_000,
      intervals: [250],
    })
    .toEqual([1, 2, 3]);

  // The broker to fill: not the Raft leader, whose metadata log shares the disk.
  const raftLeader = (await call(page, "status", 1))!.raftLeader;
  const full = [1, 2, 3].find((id) => id !== raftLeader)!;
  const others = [1, 2, 3].filter((id) => id !== full);
  const create = (name: string, assignments: number[][], configs: Record<string, string> = {}) =>
    call(page, "createTopic", 1, {
      name,
      partitions: 1,
      replicationFactor: -1,
      assignments,
      configs,
    });
  expect(
    (await create(ORDERS, [[full, ...others]], { "min.insync.replicas": "2" })).errorCode,
  ).toBe(0);
  // Only the full broker holds the filler: the other disks do not grow with it.
  expect((await create(FILLER, [[full]])).errorCode).toBe(0);
  expect(await leaderWithIsr(page, 1, ORDERS, 3)).toBe(full);
  await leaderWithIsr(page, 1, FILLER, 1);

  const acknowledged: string[] = [];
  for (let i = 0; i < 10; i++) {
    const values = [`order-${i}-a`, `order-${i}-b`];
    await produceAcked(page, full, values);
    acknowledged.push(...values);
  }

  // The disk fills: the quota is what the cluster uses now plus a little.
  const quota = await StorageQuota.of(session.chromium.context, page);
  const usedBytes = await call(page, "storageUsage");
  await quota.limitTo(usedBytes + HEADROOM_BYTES);
  const started = Date.now();
  let filled;
  try {
    filled = await call(page, "fillUntilRefused", full, FILLER, FILLER_RECORD_BYTES, 400);
  } finally {
    await quota.restore();
  }
  const figures = {
    usedBytesBefore: usedBytes,
    headroomBytes: HEADROOM_BYTES,
    batchesAccepted: filled.accepted,
    bytesAccepted: filled.accepted * FILLER_RECORD_BYTES,
    msUntilRefused: Date.now() - started,
    refusal: filled.refusal?.errorMessage,
  };
  console.log(`storage figures: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: "figures", description: JSON.stringify(figures) });
  expect(filled.refusal?.errorCode).toBe(ErrorCode.KAFKA_STORAGE_ERROR);

  const { events } = await call(page, "errors");
  expect(events).toContainEqual(
    expect.objectContaining({
      node: full,
      where: `log dir broker-${full}`,
      errorCode: ErrorCode.KAFKA_STORAGE_ERROR,
    }),
  );
  // Only that broker's dir: no other node reported a storage failure.
  expect(
    events.filter((event) => event.node !== full && event.where.startsWith("log dir")),
  ).toEqual([]);

  // It halts: fenced by the controller, leadership moves to a replica that has it all, and
  // its worker (the process in this shell) is still there.
  const successor = await leaderWithIsr(page, others[0]!, ORDERS, 2, full);
  expect(others).toContain(successor);
  expect((await call(page, "errors")).events).toContainEqual(
    expect.objectContaining({ node: full, where: "node" }),
  );
  expect((await call(page, "nodes")).map((node) => node.state)).toEqual([
    "running",
    "running",
    "running",
  ]);
  await expectReadable(page, successor, acknowledged);
  for (let i = 0; i < 3; i++) {
    const values = [`while-down-${i}`];
    await produceAcked(page, successor, values);
    acknowledged.push(...values);
  }

  // A halted broker is started again by whoever supervises it: here, kill and restart.
  await call(page, "kill", full);
  // Restarted with space back, it recovers its log from OPFS and catches up.
  await call(page, "restart", full);
  const leader = await leaderWithIsr(page, successor, ORDERS, 3);
  await expectReadable(page, leader, acknowledged);
  session.expectNoPageErrors();
});
