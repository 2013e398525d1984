import { describe, expect, it } from "vitest";
import { NO_LEADER } from "../metadata/metadata-image.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { ControllerHarness } from "./testing/controller-harness.ts";

const SESSION_MS = 9000;

describe("broker registration", () => {
  it("writes a fenced RegisterBrokerRecord whose epoch is the record's offset", async () => {
    const h = new ControllerHarness().activate();
    const first = await h.register(1, { rack: "rack-a" });
    const second = await h.register(2);
    expect(first).toMatchObject({ errorCode: ErrorCode.NONE, brokerEpoch: 0n });
    expect(second.brokerEpoch).toBe(1n);
    expect(h.log.entries.map(({ offset, record }) => [offset, record.type])).toEqual([
      [0n, "RegisterBrokerRecord"],
      [1n, "RegisterBrokerRecord"],
    ]);
    expect(h.image.brokers.get(1)).toMatchObject({ epoch: 0n, fenced: true, rack: "rack-a" });
    expect(h.image.brokers.get(1)!.endpoints).toEqual([
      { name: "PLAINTEXT", host: "node-1", port: 9092, securityProtocol: 0 },
    ]);
    expect(h.events).toContainEqual({ kind: "broker", node: 0, broker: 1, action: "registered" });
  });

  it("refuses another cluster's broker with INCONSISTENT_CLUSTER_ID", async () => {
    const h = new ControllerHarness().activate();
    const response = await h.register(1, { clusterId: "another-cluster" });
    expect(response.errorCode).toBe(ErrorCode.INCONSISTENT_CLUSTER_ID);
    expect(h.log.entries).toHaveLength(0);
  });

  it("refuses a second incarnation while the first one's session lives, and lets it replace the first after", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1]);
    expect((await h.register(1, { generation: 1 })).errorCode).toBe(
      ErrorCode.DUPLICATE_BROKER_REGISTRATION,
    );
    h.clock.advance(SESSION_MS + 1);
    await h.tick(); // the old session expires: broker 1 is fenced
    const again = await h.register(1, { generation: 1 });
    expect(again.errorCode).toBe(ErrorCode.NONE);
    expect(h.image.brokers.get(1)).toMatchObject({ epoch: again.brokerEpoch, fenced: true });
  });

  it("lets the same incarnation register again (a retried request) with a new epoch", async () => {
    const h = new ControllerHarness().activate();
    const first = await h.register(1);
    const retried = await h.register(1);
    expect(retried.errorCode).toBe(ErrorCode.NONE);
    expect(retried.brokerEpoch).toBeGreaterThan(first.brokerEpoch);
  });
});

describe("broker heartbeats", () => {
  it("unfence a broker once it has replayed its own registration", async () => {
    const h = new ControllerHarness().activate();
    await h.register(1);
    const behind = await h.heartbeat(1, { currentMetadataOffset: -1n });
    expect(behind).toMatchObject({ errorCode: ErrorCode.NONE, isFenced: true, isCaughtUp: false });
    const caughtUp = await h.heartbeat(1, { currentMetadataOffset: 0n });
    expect(caughtUp).toMatchObject({ isFenced: false, isCaughtUp: true, shouldShutDown: false });
    expect(h.log.records().at(-1)).toEqual({
      type: "UnfenceBrokerRecord",
      data: { id: 1, epoch: 0n },
    });
    expect(h.image.brokers.get(1)!.fenced).toBe(false);
    expect(h.events).toContainEqual({ kind: "broker", node: 0, broker: 1, action: "unfenced" });
  });

  it("answer an old or unknown broker epoch with STALE_BROKER_EPOCH", async () => {
    const h = new ControllerHarness().activate();
    await h.register(1);
    expect((await h.heartbeat(1, { brokerEpoch: 99n })).errorCode).toBe(
      ErrorCode.STALE_BROKER_EPOCH,
    );
    expect((await h.heartbeat(7, { brokerEpoch: 0n })).errorCode).toBe(
      ErrorCode.STALE_BROKER_EPOCH,
    );
  });

  it("fence a broker that asks to be fenced", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1]);
    const response = await h.heartbeat(1, { wantFence: true });
    expect(response.isFenced).toBe(true);
    expect(h.image.brokers.get(1)!.fenced).toBe(true);
  });
});

describe("session expiry", () => {
  it("fences the silent broker, moves its leaderships to the next live ISR member and shrinks ISRs", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1, 2, 3]);
    await h.createTopic("orders", 3, 3);
    const ledBy1 = [0, 1, 2].filter((p) => h.partition("orders", p).leader === 1);
    expect(ledBy1.length).toBe(1);
    const before = h.partition("orders", ledBy1[0]!);

    h.clock.advance(SESSION_MS - 1000);
    await h.heartbeatAll([2, 3]);
    await h.tick();
    expect(h.image.brokers.get(1)!.fenced).toBe(false); // not yet
    h.clock.advance(2000);
    await h.tick();

    expect(h.image.brokers.get(1)!.fenced).toBe(true);
    const after = h.partition("orders", ledBy1[0]!);
    const expectedLeader = before.replicas.find((id) => id !== 1);
    expect(after.leader).toBe(expectedLeader);
    expect(after.leaderEpoch).toBe(before.leaderEpoch + 1);
    for (const p of [0, 1, 2]) expect(h.partition("orders", p).isr).not.toContain(1);
    // The partition changes come first, then the fencing.
    expect(h.log.records().at(-1)).toMatchObject({ type: "FenceBrokerRecord", data: { id: 1 } });
    expect(h.events).toContainEqual({ kind: "broker", node: 0, broker: 1, action: "fenced" });
    expect(h.events).toContainEqual(
      expect.objectContaining({
        kind: "leader-changed",
        topic: "orders",
        partition: ledBy1[0],
        leader: expectedLeader,
      }),
    );
  });

  it("keeps the last ISR member and leaves the partition leaderless, then gives it back when the broker returns", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1, 2]);
    await h.call(19, {
      topics: [
        {
          name: "solo",
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [{ partitionIndex: 0, brokerIds: [1] }],
          configs: [],
        },
      ],
      timeoutMs: 1000,
      validateOnly: false,
    });
    h.clock.advance(SESSION_MS + 1);
    await h.heartbeatAll([2]);
    await h.tick();
    const offline = h.partition("solo", 0);
    expect(offline).toMatchObject({ leader: NO_LEADER, isr: [1], leaderEpoch: 1 });

    // Broker 1 comes back (same epoch), catches up and is unfenced: it leads again.
    const back = await h.heartbeat(1);
    expect(back.isFenced).toBe(false);
    expect(h.partition("solo", 0)).toMatchObject({ leader: 1, isr: [1], leaderEpoch: 2 });
  });

  it("fences one broker per operation, oldest session first", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1, 2, 3]);
    h.clock.advance(1000);
    await h.heartbeatAll([2]);
    h.clock.advance(SESSION_MS + 1);
    await h.tick();
    expect(h.log.records().filter((record) => record.type === "FenceBrokerRecord")).toHaveLength(1);
    await h.tick();
    await h.tick();
    const fences = h.log.records().filter((record) => record.type === "FenceBrokerRecord");
    expect(
      fences.map((record) => (record.type === "FenceBrokerRecord" ? record.data.id : -1)),
    ).toEqual([1, 3, 2]);
  });
});

describe("controlled shutdown", () => {
  it("moves leadership away, leaves the ISRs, and says shouldShutDown once every live broker has seen it", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1, 2, 3]);
    await h.createTopic("orders", 6, 3);
    const led = [0, 1, 2, 3, 4, 5].filter((p) => h.partition("orders", p).leader === 2);
    expect(led.length).toBe(2);

    const first = await h.heartbeat(2, { wantShutDown: true });
    expect(first).toMatchObject({ isFenced: false, shouldShutDown: false });
    expect(h.image.brokers.get(2)!.inControlledShutdown).toBe(true);
    for (let p = 0; p < 6; p++) {
      expect(h.partition("orders", p).leader).not.toBe(2);
      expect(h.partition("orders", p).isr).not.toContain(2);
    }
    expect(h.events).toContainEqual({
      kind: "broker",
      node: 0,
      broker: 2,
      action: "controlled-shutdown",
    });

    // Broker 1 has not yet replayed the leadership moves: broker 2 must wait.
    const shutdownOffset = h.log.endOffset - 1n;
    await h.heartbeat(1, { currentMetadataOffset: shutdownOffset - 1n });
    await h.heartbeat(3, { currentMetadataOffset: shutdownOffset });
    expect(await h.heartbeat(2, { wantShutDown: true })).toMatchObject({ shouldShutDown: false });
    await h.heartbeat(1, { currentMetadataOffset: shutdownOffset });
    const done = await h.heartbeat(2, { wantShutDown: true });
    expect(done).toMatchObject({ shouldShutDown: true, isFenced: true });
    expect(h.image.brokers.get(2)!.fenced).toBe(true);
  });

  it("lets a broker that leads nothing shut down at once", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1]);
    const response = await h.heartbeat(1, { wantShutDown: true });
    expect(response).toMatchObject({ shouldShutDown: true, isFenced: true });
  });

  it("takes a sole replica's partition offline rather than wait for it", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1, 2]);
    await h.call(19, {
      topics: [
        {
          name: "solo",
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [{ partitionIndex: 0, brokerIds: [2] }],
          configs: [],
        },
      ],
      timeoutMs: 1000,
      validateOnly: false,
    });
    await h.heartbeat(2, { wantShutDown: true });
    expect(h.partition("solo", 0)).toMatchObject({ leader: NO_LEADER, isr: [2] });
    await h.heartbeat(1);
    expect((await h.heartbeat(2, { wantShutDown: true })).shouldShutDown).toBe(true);
  });
});
