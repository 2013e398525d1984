import { describe, expect, it } from "vitest";
import { NO_LEADER, type PartitionImage } from "../metadata/metadata-image.ts";
import { buildPartitionChange } from "./partition-change.ts";

const partition = (
  replicas: number[],
  isr: number[],
  leader: number,
  leaderRecoveryState = 0,
): PartitionImage => ({
  topicId: "AAAAAAAAAAAAAAAAAAAAAw",
  partition: 0,
  replicas,
  isr,
  leader,
  leaderEpoch: 4,
  partitionEpoch: 9,
  leaderRecoveryState,
});

const alive =
  (...ids: number[]) =>
  (id: number) =>
    ids.includes(id);

describe("partition changes", () => {
  it("keep a qualifying leader and change only the ISR", () => {
    const change = buildPartitionChange({
      partition: partition([1, 2, 3], [1, 2, 3], 1),
      isAcceptableLeader: alive(1, 2, 3),
      targetIsr: [1, 2],
    });
    expect(change).toMatchObject({ leader: -2, isr: [1, 2], leaderRecoveryState: -1 });
  });

  it("elect the first replica (in replica order) that is in the ISR and live", () => {
    const change = buildPartitionChange({
      partition: partition([1, 3, 2], [1, 2, 3], 1),
      isAcceptableLeader: alive(2, 3),
      targetIsr: [2, 3],
    });
    expect(change).toMatchObject({ leader: 3, isr: [2, 3] });
  });

  it("keep the last ISR member when the ISR would empty, and leave the partition leaderless", () => {
    const change = buildPartitionChange({
      partition: partition([1, 2], [1], 1),
      isAcceptableLeader: alive(2),
      targetIsr: [],
    });
    expect(change).toMatchObject({ leader: NO_LEADER, isr: null });
  });

  it("with unclean election, pick a live replica outside the ISR and mark it recovering", () => {
    const change = buildPartitionChange({
      partition: partition([1, 2], [1], 1),
      isAcceptableLeader: alive(2),
      targetIsr: [],
      election: "unclean",
    });
    expect(change).toMatchObject({ leader: 2, isr: [2], leaderRecoveryState: 1 });
  });

  it("prefer the first replica in a preferred election, else keep the current leader", () => {
    expect(
      buildPartitionChange({
        partition: partition([1, 2], [1, 2], 2),
        isAcceptableLeader: alive(1, 2),
        election: "preferred",
      }),
    ).toMatchObject({ leader: 1 });
    expect(
      buildPartitionChange({
        partition: partition([1, 2], [2], 2),
        isAcceptableLeader: alive(1, 2),
        election: "preferred",
      }),
    ).toBeNull();
  });

  it("say nothing when nothing changes", () => {
    expect(
      buildPartitionChange({
        partition: partition([1, 2], [1, 2], 1),
        isAcceptableLeader: alive(1, 2),
      }),
    ).toBeNull();
  });

  it("carry a leader's recovery back to RECOVERED", () => {
    const change = buildPartitionChange({
      partition: partition([1, 2], [1], 1, 1),
      isAcceptableLeader: alive(1, 2),
      targetLeaderRecoveryState: 0,
    });
    expect(change).toMatchObject({ leader: -2, isr: null, leaderRecoveryState: 0 });
  });
});
