import { describe, expect, it } from "vitest";
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import { initialClusterSlice, type BrokerView } from "../store/cluster-slice.ts";
import { mergePoll } from "./metadata-poll.ts";
import { reduceTelemetry, type ReducedState } from "./telemetry-reducer.ts";
import { TimelineDedupe } from "./timeline-dedupe.ts";

const broker = (id: number): BrokerView => ({
  id,
  isVoter: true,
  process: "running",
  fenced: true,
  raftRole: null,
  raftEpoch: -1,
  bytesAppended: 0,
  error: null,
});

function emptyState(): ReducedState {
  const { brokers, controllerId, controllerEpoch } = initialClusterSlice();
  return {
    brokers: { ...brokers, 1: broker(1), 2: broker(2) },
    controllerId,
    controllerEpoch,
    topics: {},
    groups: {},
  };
}

const leaderChange = (node: number, leader: number, epoch: number): TelemetryEvent => ({
  kind: "leader-changed",
  node,
  topic: "orders",
  partition: 0,
  leader,
  leaderEpoch: epoch,
});

describe("folding telemetry into the page's state", () => {
  it("takes the newest leader epoch, and lists a fact every node reports once", () => {
    const dedupe = new TimelineDedupe();
    const events = [leaderChange(1, 2, 3), leaderChange(2, 2, 3), leaderChange(1, 1, 2)];
    const { state, timeline } = reduceTelemetry(emptyState(), events, 1_000, dedupe);
    expect(state.topics.orders!.partitions[0]).toMatchObject({ leader: 2, leaderEpoch: 3 });
    expect(timeline.map((entry) => entry.values.epoch)).toEqual([3, 2]);
    // Three seconds on, the same fact is news again (a broker replaying it after a restart).
    expect(reduceTelemetry(state, [leaderChange(1, 2, 3)], 1_500, dedupe).timeline).toHaveLength(0);
  });

  it("follows fencing and the KRaft leader, and does not touch the state it was given", () => {
    const before = emptyState();
    const events: TelemetryEvent[] = [
      { kind: "broker", node: 1, broker: 2, action: "unfenced" },
      { kind: "raft", node: 1, role: "leader", epoch: 4, leader: 1, highWatermark: 10n },
      { kind: "raft", node: 2, role: "follower", epoch: 3, leader: 2, highWatermark: 9n },
    ];
    const { state } = reduceTelemetry(before, events, 0, new TimelineDedupe());
    expect(state.brokers[2]!.fenced).toBe(false);
    expect(state.brokers[1]!).toMatchObject({ raftRole: "leader", raftEpoch: 4 });
    expect(state.controllerId).toBe(1); // epoch 3's leader is older news
    expect(before.brokers[2]!.fenced).toBe(true);
    expect(before.controllerId).toBeNull();
  });

  it("counts appends on the leader for the metrics and turns appends on followers into replication flights", () => {
    const { state } = reduceTelemetry(
      emptyState(),
      [leaderChange(1, 1, 1)],
      0,
      new TimelineDedupe(),
    );
    const appended = (node: number): TelemetryEvent => ({
      kind: "records-appended",
      node,
      topic: "orders",
      partition: 0,
      baseOffset: 0n,
      count: 5,
      bytes: 500,
    });
    const outcome = reduceTelemetry(state, [appended(1), appended(2)], 0, new TimelineDedupe());
    expect(outcome.leaderRecords).toBe(5);
    expect(outcome.leaderBytes).toBe(500);
    expect(outcome.flights).toEqual([
      expect.objectContaining({
        kind: "replicate",
        from: { kind: "broker", id: 1 },
        to: { kind: "broker", id: 2 },
        records: 5,
      }),
    ]);
    expect(outcome.state.brokers[1]!.bytesAppended).toBe(500);
  });

  it("keeps a group's rebalance phase and committed offsets", () => {
    const events: TelemetryEvent[] = [
      {
        kind: "group",
        node: 1,
        group: "readers",
        coordinatorPartition: 7,
        state: "CompletingRebalance",
        generation: 2,
        protocolType: "consumer",
        protocol: "range",
        leader: "m-1",
        members: [],
        reason: "Adding new member m-1",
      },
      {
        kind: "offset-commit",
        node: 1,
        group: "readers",
        topic: "orders",
        partition: 0,
        offset: 42n,
      },
    ];
    const { state } = reduceTelemetry(emptyState(), events, 5, new TimelineDedupe());
    expect(state.groups.readers).toMatchObject({
      state: "CompletingRebalance",
      phase: "sync",
      generation: 2,
      committed: { "orders:0": 42 },
      telemetryAtMs: 5,
    });
  });
});

describe("merging an admin poll", () => {
  const poll = (leader: number, leaderEpoch: number) => ({
    topics: [
      {
        name: "orders",
        partitions: [
          {
            partitionErrorCode: 0,
            partitionId: 0,
            leader,
            leaderEpoch,
            replicas: [1, 2],
            isr: [leader],
            offlineReplicas: [],
          },
        ],
      },
    ],
    groups: [],
  });

  it("keeps a leader that telemetry reported newer than the poll, and drops topics the cluster no longer has", () => {
    const { state } = reduceTelemetry(
      emptyState(),
      [leaderChange(1, 2, 5)],
      0,
      new TimelineDedupe(),
    );
    const withGone = {
      ...state,
      topics: { ...state.topics, gone: { ...state.topics.orders!, name: "gone" } },
    };
    const merged = mergePoll(withGone, poll(1, 4), 0);
    expect(merged.topics.orders!.partitions[0]).toMatchObject({
      leader: 2,
      leaderEpoch: 5,
      replicas: [1, 2],
    });
    expect(merged.topics.gone).toBeUndefined();
    expect(mergePoll(withGone, poll(1, 6), 0).topics.orders!.partitions[0]).toMatchObject({
      leader: 1,
      isr: [1],
    });
  });

  it("orders ISRs of one leader epoch by partition epoch: a late event or a lagging broker's poll answer does not undo a shrink", () => {
    const isr = (node: number, members: number[], partitionEpoch: number): TelemetryEvent => ({
      kind: "isr-changed",
      node,
      topic: "orders",
      partition: 0,
      isr: members,
      leaderEpoch: 5,
      partitionEpoch,
    });
    const dedupe = new TimelineDedupe();
    const shrunk = reduceTelemetry(
      emptyState(),
      [leaderChange(1, 1, 5), isr(1, [1, 2], 8), isr(2, [1, 2, 3], 7)],
      0,
      dedupe,
    ).state;
    expect(shrunk.topics.orders!.partitions[0]!.isr).toEqual([1, 2]);
    // Broker 3, cut off from the controller, still answers Metadata with the old ISR.
    const polled = mergePoll(shrunk, poll(1, 5), 0);
    expect(polled.topics.orders!.partitions[0]!.isr).toEqual([1, 2]);
    // The follower back in sync: a newer partition epoch is taken.
    const healed = reduceTelemetry({ ...shrunk, ...polled }, [isr(1, [1, 2, 3], 9)], 10, dedupe);
    expect(healed.state.topics.orders!.partitions[0]!.isr).toEqual([1, 2, 3]);
  });

  it("keeps what the page knew of the part a poll could not answer", () => {
    const { state } = reduceTelemetry(
      emptyState(),
      [leaderChange(1, 2, 5)],
      0,
      new TimelineDedupe(),
    );
    const withGroup = mergePoll(
      state,
      {
        groups: [
          {
            description: {
              groupId: "readers",
              state: "Stable",
              protocolType: "consumer",
              protocol: "range",
              members: [],
              errorCode: 0,
            },
            committed: { "orders-0": 7 },
          },
        ],
      },
      0,
    );
    expect(withGroup.topics).toBe(state.topics);
    const topicsOnly = mergePoll({ ...state, ...withGroup }, { topics: poll(1, 6).topics }, 0);
    expect(topicsOnly.groups.readers?.committed).toEqual({ "orders-0": 7 });
    expect(topicsOnly.topics.orders!.partitions[0]).toMatchObject({ leader: 1, leaderEpoch: 6 });
  });
});
