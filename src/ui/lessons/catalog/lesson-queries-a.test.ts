import { describe, expect, it } from "vitest";
import { offsetsPartitionFor } from "../../../broker/group/offsets-topic.ts";
import type { GroupMemberTelemetry } from "../../../telemetry/telemetry-event.ts";
import {
  defaultConsumerSettings,
  type ConsumerProgress,
  type ConsumerStatus,
  type ConsumerView,
} from "../../store/clients-slice.ts";
import { unknownGroup, type GroupState } from "../../store/groups-slice.ts";
import { initialPlaygroundState, type PlaygroundState } from "../../store/store.ts";
import { emptyPartition, type RecordCell } from "../../store/topics-slice.ts";
import {
  eachKeyInOnePartition,
  keylessMovedOn,
  landingsSince,
  movedKeys,
  partitionEnds,
  partitionOfKeys,
} from "./02-keys-queries.ts";
import { committedUpTo, idleMembers, loads, settledOver } from "./03-groups-queries.ts";
import { stayersKeptTheirs } from "./04-assignors.ts";
import { groupsChangedFor, lastTimelineId } from "./05-rebalance-queries.ts";
import {
  aheadOfCommit,
  behindCommit,
  offsetsPartitionOf,
  redelivered,
  skipped,
} from "./06-commit-queries.ts";

/** A topic whose partitions hold these cells ([offset, key] pairs), LEO after the last. */
function withTopic(state: PlaygroundState, topic: string, cells: [number, string | null][][]) {
  state.topics[topic] = {
    name: topic,
    topicId: null,
    internal: false,
    configs: null,
    partitions: cells.map((list, index) => ({
      ...emptyPartition(topic, index),
      leader: 1,
      offsets: { 1: { logStart: 0, leo: (list.at(-1)?.[0] ?? -1) + 1, hw: 0 } },
      cells: list.map(([offset, key]): RecordCell => ({ offset, key })),
    })),
  };
  return state;
}

function withGroup(
  state: PlaygroundState,
  groupId: string,
  members: Record<string, number[]>,
  topic = "t",
  groupState: GroupState = "Stable",
) {
  const view = unknownGroup(groupId, groupState, "consumer");
  view.members = Object.entries(members).map(([memberId, partitions]): GroupMemberTelemetry => ({
    memberId,
    groupInstanceId: null,
    clientId: memberId,
    assignment: partitions.length === 0 ? [] : [{ topic, partitions }],
  }));
  state.groups[groupId] = view;
  return state;
}

function consumer(
  id: string,
  groupId: string,
  status: ConsumerStatus,
  progress: Partial<ConsumerProgress>,
): ConsumerView {
  return {
    id,
    settings: defaultConsumerSettings("t", groupId),
    status,
    memberId: null,
    consumed: 0,
    assigned: [],
    lastError: null,
    progress: { firstOffsets: {}, processedOffsets: {}, revokedPartitions: 0, ...progress },
  };
}

describe("lesson 2's questions about keys", () => {
  const state = withTopic(initialPlaygroundState(), "t", [
    [
      [0, "alice"],
      [1, "bob"],
      [2, null],
      [3, null],
      [4, "alice"],
    ],
    [
      [0, "dave"],
      [1, "dave"],
      [2, null],
    ],
    [],
  ]);

  it("reads the records since a point in each partition", () => {
    expect(partitionEnds(state, "t")).toEqual([5, 3, 0]);
    expect(landingsSince(state, "t", [3, 1, 0]).map((l) => `${l.partition}@${l.offset}`)).toEqual([
      "0@3",
      "0@4",
      "1@1",
      "1@2",
    ]);
  });

  it("tells whether each key stayed in one partition, well seen", () => {
    const all = landingsSince(state, "t", []);
    expect(eachKeyInOnePartition(all, 2, 2)).toBe(true);
    expect(eachKeyInOnePartition(all, 3, 2)).toBe(false); // bob was seen once
    const split = [...all, { partition: 2, offset: 0, key: "alice" }];
    expect(eachKeyInOnePartition(split, 1, 1)).toBe(false);
  });

  it("tells whether keyless records went to more than one partition", () => {
    const all = landingsSince(state, "t", []);
    expect(keylessMovedOn(all, 3)).toBe(true);
    expect(keylessMovedOn(all, 4)).toBe(false);
    expect(keylessMovedOn(landingsSince(state, "t", [0, 3, 0]), 1)).toBe(false);
  });

  it("finds keys that landed elsewhere after the topic grew", () => {
    const before = partitionOfKeys(state, "t");
    expect(before).toEqual(
      new Map([
        ["alice", 0],
        ["bob", 0],
        ["dave", 1],
      ]),
    );
    const grown = withTopic(structuredClone(state), "t", [
      [
        [0, "alice"],
        [5, "bob"],
      ],
      [[0, "dave"]],
      [],
      [[0, "alice"]],
    ]);
    expect(movedKeys(before, landingsSince(grown, "t", [5, 3, 0, 0]))).toEqual([
      { key: "alice", from: 0, to: 3 },
    ]);
    expect(movedKeys(before, landingsSince(grown, "t", [5, 3, 0, 1]))).toEqual([]);
  });
});

describe("lesson 3 to 5's questions about groups", () => {
  it("knows a settled group: Stable, enough members, every partition owned once", () => {
    const state = withTopic(initialPlaygroundState(), "t", [[], [], []]);
    withGroup(state, "g", { a: [0], b: [1, 2], c: [] });
    expect(settledOver(state, "g", ["t"], 3)).toBe(true);
    expect(settledOver(state, "g", ["t"], 4)).toBe(false);
    expect(loads(state.groups.g!, ["t"])).toEqual([2, 1, 0]);
    expect(idleMembers(state.groups.g!, ["t"])).toEqual(["c"]);
    withGroup(state, "twice", { a: [0, 1], b: [1, 2] });
    expect(settledOver(state, "twice", ["t"])).toBe(false);
    withGroup(state, "missing", { a: [0, 1] });
    expect(settledOver(state, "missing", ["t"])).toBe(false);
    withGroup(state, "joining", { a: [0, 1, 2] }, "t", "PreparingRebalance");
    expect(settledOver(state, "joining", ["t"])).toBe(false);
  });

  it("knows when a group committed up to given ends", () => {
    const state = withGroup(initialPlaygroundState(), "g", {});
    state.groups.g!.committed = { "t:0": 5, "t:1": 2 };
    expect(committedUpTo(state, "g", "t", [5, 2])).toBe(true);
    expect(committedUpTo(state, "g", "t", [5, 3])).toBe(false);
    expect(committedUpTo(state, "g", "t", [5, 2, 0])).toBe(false);
  });

  it("checks that the members who stayed kept their partitions", () => {
    const before = new Map([
      ["a", ["t:0", "t:1"]],
      ["b", ["t:2"]],
      ["gone", ["t:3"]],
    ]);
    expect(
      stayersKeptTheirs(
        before,
        new Map([
          ["a", ["t:0", "t:1", "t:3"]],
          ["b", ["t:2"]],
        ]),
      ),
    ).toBe(true);
    expect(
      stayersKeptTheirs(
        before,
        new Map([
          ["a", ["t:0", "t:3"]],
          ["b", ["t:1", "t:2"]],
        ]),
      ),
    ).toBe(false);
  });

  it("finds group changes after a timeline entry, by the coordinator's reason", () => {
    const state = initialPlaygroundState();
    const entry = (id: number, group: string, reason: string) => ({
      id,
      atMs: id,
      category: "group" as const,
      message: "timeline.group",
      values: { group, state: "PreparingRebalance", generation: 1, reason },
      node: 1,
    });
    state.timeline = [
      entry(1, "g", "Removing member m-1 on LeaveGroup; client reason: x"),
      entry(2, "h", "removing member m-2 on heartbeat expiration"),
    ];
    expect(lastTimelineId(state)).toBe(2);
    expect(groupsChangedFor(state, 0, ["g", "h"], "on LeaveGroup")).toEqual(["g"]);
    expect(groupsChangedFor(state, 1, ["g", "h"], "on LeaveGroup")).toEqual([]);
    expect(groupsChangedFor(state, 1, ["g", "h"], "on heartbeat expiration")).toEqual(["h"]);
    expect(groupsChangedFor(state, 0, ["g"], "on heartbeat expiration")).toEqual([]);
  });
});

describe("lesson 6's questions about commits", () => {
  it("finds the __consumer_offsets partition as the brokers do", () => {
    for (const group of [
      "lesson-at-least-once",
      "lesson-at-most-once",
      "g",
      "polygenelubricants",
    ]) {
      expect(offsetsPartitionOf(group)).toBe(offsetsPartitionFor(group, 50));
    }
  });

  it("tells records delivered twice from records skipped after a crash", () => {
    const state = initialPlaygroundState();
    state.consumers = {
      "consumer-2": consumer("consumer-2", "g", "crashed", {
        firstOffsets: { "t:0": 0 },
        processedOffsets: { "t:0": 12 },
      }),
      "consumer-9": consumer("consumer-9", "g", "consuming", { firstOffsets: { "t:0": 10 } }),
    };
    expect(redelivered(state, "g")).toMatchObject({ processedTo: 12, startedAt: 10 });
    expect(skipped(state, "g")).toBeUndefined();
    state.consumers["consumer-9"] = consumer("consumer-9", "g", "consuming", {
      firstOffsets: { "t:0": 20 },
    });
    expect(redelivered(state, "g")).toBeUndefined();
    expect(skipped(state, "g")).toMatchObject({ crashedId: "consumer-2", takerId: "consumer-9" });
    // A member that started before the crashed one is no replacement.
    delete state.consumers["consumer-9"];
    state.consumers["consumer-1"] = consumer("consumer-1", "g", "consuming", {
      firstOffsets: { "t:0": 0 },
    });
    expect(redelivered(state, "g")).toBeUndefined();
  });

  it("finds a member ahead of its group's commit, or behind it", () => {
    const state = withGroup(initialPlaygroundState(), "g", {});
    state.consumers = {
      "consumer-1": consumer("consumer-1", "g", "consuming", {
        firstOffsets: { "t:0": 0 },
        processedOffsets: { "t:0": 8 },
      }),
    };
    expect(aheadOfCommit(state, "g", "t:0")).toBeUndefined(); // nothing committed yet
    state.groups.g!.committed = { "t:0": 5 };
    expect(aheadOfCommit(state, "g", "t:0")?.id).toBe("consumer-1");
    expect(behindCommit(state, "g", "t:0")).toBeUndefined();
    state.groups.g!.committed = { "t:0": 12 };
    expect(behindCommit(state, "g", "t:0", 4)?.id).toBe("consumer-1");
    expect(behindCommit(state, "g", "t:0", 5)).toBeUndefined();
  });
});
