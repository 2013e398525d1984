import { describe, expect, it } from "vitest";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { placeReplicas, type UsableBroker } from "./replica-placer.ts";
import { seededRandom } from "./testing/controller-harness.ts";

const brokers = (
  ids: number[],
  racks: (string | null)[] = [],
  fenced: number[] = [],
): UsableBroker[] =>
  ids.map((id, i) => ({ id, rack: racks[i] ?? null, fenced: fenced.includes(id) }));

function place(
  options: Partial<Parameters<typeof placeReplicas>[0]> & { brokers: UsableBroker[] },
  seed = 1,
): number[][] {
  const placement = placeReplicas({
    numPartitions: 1,
    replicationFactor: 1,
    random: seededRandom(seed),
    ...options,
  });
  if (!placement.ok) throw new Error(placement.error.message ?? "placement failed");
  return placement.assignments;
}

function count(values: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe("the striped replica placer", () => {
  it("gives each of 3 brokers 2 of 6 leaderships and 6 of 18 replicas, whatever the seed", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const assignments = place(
        { brokers: brokers([1, 2, 3]), numPartitions: 6, replicationFactor: 3 },
        seed,
      );
      expect([...count(assignments.map((replicas) => replicas[0]!)).values()]).toEqual([2, 2, 2]);
      for (const replicas of assignments) expect(new Set(replicas).size).toBe(3);
    }
  });

  it("spreads leaders evenly over many brokers", () => {
    const assignments = place({
      brokers: brokers([1, 2, 3, 4, 5]),
      numPartitions: 10,
      replicationFactor: 2,
    });
    expect([...count(assignments.map((replicas) => replicas[0]!)).values()]).toEqual([
      2, 2, 2, 2, 2,
    ]);
    expect([...count(assignments.flat()).values()].every((n) => n === 4)).toBe(true);
  });

  it("puts each partition's replicas in different racks", () => {
    const racks = ["a", "a", "b", "b", "c", "c"];
    const assignments = place({
      brokers: brokers([1, 2, 3, 4, 5, 6], racks),
      numPartitions: 12,
      replicationFactor: 3,
    });
    const rackOf = (id: number) => racks[id - 1];
    for (const replicas of assignments) expect(new Set(replicas.map(rackOf)).size).toBe(3);
    expect([...count(assignments.map((replicas) => replicas[0]!)).values()]).toEqual([
      2, 2, 2, 2, 2, 2,
    ]);
  });

  it("never makes a fenced broker the leader, but uses it as a follower when it must", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const assignments = place(
        { brokers: brokers([1, 2, 3], [], [3]), numPartitions: 5, replicationFactor: 3 },
        seed,
      );
      for (const replicas of assignments) {
        expect(replicas[0]).not.toBe(3);
        expect(replicas).toContain(3);
      }
    }
  });

  it("refuses a replication factor beyond the registered brokers with Kafka's message", () => {
    const placement = placeReplicas({
      brokers: brokers([1, 2]),
      numPartitions: 1,
      replicationFactor: 3,
      random: seededRandom(1),
    });
    expect(placement).toEqual({
      ok: false,
      error: {
        code: ErrorCode.INVALID_REPLICATION_FACTOR,
        message:
          "Unable to replicate the partition 3 time(s): The target replication factor of 3 cannot be reached because only 2 broker(s) are registered.",
      },
    });
  });

  it("refuses when every broker is fenced", () => {
    const placement = placeReplicas({
      brokers: brokers([1, 2], [], [1, 2]),
      numPartitions: 1,
      replicationFactor: 1,
      random: seededRandom(1),
    });
    expect(placement.ok).toBe(false);
    if (!placement.ok)
      expect(placement.error.message).toBe(
        "Unable to replicate the partition 1 time(s): All brokers are currently fenced.",
      );
  });

  it("continues a topic's stripe when partitions are added", () => {
    const existing = [[2, 3, 1]];
    const assignments = place({
      brokers: brokers([1, 2, 3]),
      numPartitions: 2,
      replicationFactor: 3,
      existing,
    });
    // The last partition was led by 2: the next leaders follow it round the brokers.
    expect(assignments.map((replicas) => replicas[0])).toEqual([3, 1]);
  });
});
