import { describe, expect, it } from "vitest";
import { defaultProducerSettings, type ProducerView } from "../../store/clients-slice.ts";
import type { BrokerView } from "../../store/cluster-slice.ts";
import { initialPlaygroundState, type PlaygroundState } from "../../store/store.ts";
import { emptyPartition, type PartitionView } from "../../store/topics-slice.ts";
import {
  deadReplicas,
  failureSafeBrokers,
  isOffline,
  linkCut,
  lessonReplicas,
  lostAcknowledged,
  producerErrorNames,
  producerTroubles,
  unreplicated,
} from "./07-replication-queries.ts";

function broker(id: number, isVoter: boolean, process: BrokerView["process"] = "running") {
  return {
    id,
    isVoter,
    process,
    fenced: false,
    raftRole: isVoter ? "follower" : "observer",
    raftEpoch: 1,
    bytesAppended: 0,
    error: null,
  } satisfies BrokerView;
}

/** Voters 1–3 (2 the controller) and broker-only 4 and 5. */
function fiveNodes(): PlaygroundState {
  const state = initialPlaygroundState();
  state.brokers = {
    1: broker(1, true),
    2: broker(2, true),
    3: broker(3, true),
    4: broker(4, false),
    5: broker(5, false),
  };
  state.controllerId = 2;
  return state;
}

function partition(leader: number, offsets: Record<number, [number, number]>): PartitionView {
  return {
    ...emptyPartition("t", 0),
    leader,
    replicas: Object.keys(offsets).map(Number),
    isr: Object.keys(offsets).map(Number),
    offsets: Object.fromEntries(
      Object.entries(offsets).map(([id, [leo, hw]]) => [id, { logStart: 0, leo, hw }]),
    ),
  };
}

function producer(id: string, acknowledged: number, change: Partial<ProducerView> = {}) {
  return {
    id,
    settings: defaultProducerSettings("t"),
    status: "running",
    sent: acknowledged,
    acknowledged,
    failed: 0,
    retries: 0,
    lastError: null,
    latencyP99Ms: null,
    ...change,
  } satisfies ProducerView;
}

function withTopic(state: PlaygroundState, view: PartitionView): PlaygroundState {
  state.topics.t = { name: "t", topicId: null, internal: false, configs: null, partitions: [view] };
  return state;
}

describe("failure-safe brokers", () => {
  it("puts broker-only nodes first, then voters, the active controller last", () => {
    expect(failureSafeBrokers(fiveNodes())).toEqual([4, 5, 1, 3, 2]);
    expect(lessonReplicas(fiveNodes(), 3)).toEqual([4, 5, 1]);
  });

  it("leaves out brokers that are not alive, and refuses a stage it cannot fill", () => {
    const state = fiveNodes();
    state.brokers[4] = broker(4, false, "stopped");
    state.brokers[1] = { ...broker(1, true), fenced: true };
    expect(failureSafeBrokers(state)).toEqual([5, 3, 2]);
    expect(() => lessonReplicas(state, 4)).toThrow(/needs 4 live brokers/);
  });

  it("on three voters alone keeps the controller for last", () => {
    const state = fiveNodes();
    delete state.brokers[4];
    delete state.brokers[5];
    expect(lessonReplicas(state, 3)).toEqual([1, 3, 2]);
  });
});

describe("replica questions", () => {
  it("counts what the leader has that the ISR has not (LEO − HW)", () => {
    expect(unreplicated(partition(4, { 4: [30, 21], 5: [21, 20] }))).toBe(9);
    expect(unreplicated(partition(-1, { 4: [30, 21] }))).toBe(0);
    expect(unreplicated(undefined)).toBe(0);
  });

  it("names dead replicas and an offline partition", () => {
    const state = fiveNodes();
    state.brokers[5] = broker(5, false, "failed");
    const view = partition(4, { 4: [1, 1], 5: [1, 1], 1: [1, 1] });
    expect(deadReplicas(view, state)).toEqual([5]);
    expect(isOffline(view)).toBe(false);
    expect(isOffline({ ...view, leader: -1 })).toBe(true);
    expect(isOffline(undefined)).toBe(false);
  });
});

describe("lost acknowledged records", () => {
  it("is what the producers were told was written beyond the current leader's log end", () => {
    const state = withTopic(fiveNodes(), partition(5, { 4: [40, 20], 5: [28, 28] }));
    state.producers = { a: producer("a", 30), b: producer("b", 5) };
    expect(lostAcknowledged(state, "t")).toBe(35 - 28);
  });

  it("is zero while the leader holds everything, or while there is no leader", () => {
    const state = withTopic(fiveNodes(), partition(4, { 4: [40, 40] }));
    state.producers = { a: producer("a", 40) };
    expect(lostAcknowledged(state, "t")).toBe(0);
    withTopic(state, partition(-1, { 4: [10, 10] }));
    expect(lostAcknowledged(state, "t")).toBe(0);
  });
});

describe("producer troubles", () => {
  it("lists the producers' last errors on the topic and counts retries and failures", () => {
    const state = fiveNodes();
    const error = { name: "NOT_ENOUGH_REPLICAS", message: "", atMs: 1 };
    state.producers = {
      a: producer("a", 3, { retries: 4, failed: 1, lastError: error }),
      b: producer("b", 3, { retries: 2 }),
      c: { ...producer("c", 3, { retries: 9 }), settings: defaultProducerSettings("other") },
    };
    expect(producerErrorNames(state, "t")).toEqual(["NOT_ENOUGH_REPLICAS"]);
    expect(producerTroubles(state, "t")).toBe(7);
  });
});

describe("cut links", () => {
  it("sees a cut either way between two brokers, and not a slow or healed link", () => {
    const state = fiveNodes();
    const healthy = { cut: false, latencyMs: 0, lossRate: 0 };
    state.faultyLinks = [
      { from: 4, to: 5, conditions: { ...healthy, cut: true } },
      { from: 4, to: 1, conditions: { ...healthy, latencyMs: 500 } },
      { from: "page", to: 3, conditions: { ...healthy, cut: true } },
    ];
    expect(linkCut(state, 4, 5)).toBe(true);
    expect(linkCut(state, 5, 4)).toBe(true);
    expect(linkCut(state, 4, 1)).toBe(false);
    expect(linkCut(state, 1, 3)).toBe(false);
  });
});
