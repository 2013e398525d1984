import { describe, expect, it } from "vitest";
import type { PartitionInfo } from "../../cluster/cluster-metadata.ts";
import { ConfigError } from "../../cluster/client-cluster.ts";
import type { PartitionMetadata, PartitionerArgs } from "../producer-types.ts";
import { UNKNOWN_PARTITION } from "./default-partitioner.ts";
import { createHotKeyPartitioner } from "./hot-key-partitioner.ts";
import { partitionForKey } from "./murmur2.ts";
import { resolvePartitioner } from "./resolve-partitioner.ts";
import { createRoundRobinPartitioner } from "./round-robin-partitioner.ts";
import { StickyPartitioner } from "./sticky-partitioner.ts";

const utf8 = new TextEncoder();

function partitionInfos(leaders: number[]): PartitionInfo[] {
  return leaders.map((leader, partition) => ({
    partition,
    leader,
    leaderEpoch: 0,
    replicas: [1],
    isr: [1],
    offlineReplicas: [],
    errorCode: 0,
  }));
}

function metadata(leaders: number[]): PartitionMetadata[] {
  return leaders.map((leader, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader,
    replicas: [1],
    isr: [1],
    offlineReplicas: [],
  }));
}

function args(key: string | null, leaders = [1, 2, 3, 1, 2, 3]): PartitionerArgs {
  return { topic: "t", partitionMetadata: metadata(leaders), message: { key, value: "v" } };
}

function sequence(values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length]!;
}

describe("StickyPartitioner (KIP-794)", () => {
  it("sticks to one partition until batch.size bytes, then switches", () => {
    const partitions = partitionInfos([1, 2, 3, 1]);
    const sticky = new StickyPartitioner(1000, sequence([0.1, 0.6, 0.9]));
    const first = sticky.peek(partitions);
    sticky.update(first, 600, partitions, true);
    expect(sticky.peek(partitions)).toBe(first);
    sticky.update(first, 400, partitions, true);
    const second = sticky.peek(partitions);
    expect(second).not.toBe(first);
    expect(sticky.isChanged(first)).toBe(true);
    expect(second.producedBytes).toBe(0);
  });

  it("puts a switch off while the last batch fills, but not past twice batch.size", () => {
    const partitions = partitionInfos([1, 2]);
    const sticky = new StickyPartitioner(1000, sequence([0.3]));
    const first = sticky.peek(partitions);
    sticky.update(first, 1500, partitions, false);
    expect(sticky.peek(partitions)).toBe(first);
    sticky.update(first, 500, partitions, false);
    expect(sticky.peek(partitions)).not.toBe(first);
  });

  it("chooses only partitions that have a leader", () => {
    const partitions = partitionInfos([-1, 2, -1, -1]);
    const sticky = new StickyPartitioner(10, Math.random);
    for (let round = 0; round < 50; round++) {
      const current = sticky.peek(partitions);
      expect(current.partition).toBe(1);
      sticky.update(current, 10, partitions, true);
    }
  });

  it("weights the choice against long queues when adaptive (Kafka's frequency table)", () => {
    const partitions = partitionInfos([1, 2, 3]);
    // Queue sizes 0, 3, 1 → weights 4, 1, 3 → running sums 4, 5, 8.
    const draws = Array.from({ length: 8 }, (_, value) => (value + 0.5) / 2 ** 32);
    const sticky = new StickyPartitioner(1, sequence(draws));
    sticky.updateLoadStats([0, 3, 1], [0, 1, 2], 3);
    const chosen: number[] = [];
    for (let round = 0; round < 8; round++) {
      const current = sticky.peek(partitions);
      chosen.push(current.partition);
      sticky.update(current, 1, partitions, true);
    }
    // The first peek drew 0 (partition 0); then draws 1..7 map through the table.
    expect(chosen).toEqual([0, 0, 0, 0, 1, 2, 2, 2]);
  });

  it("goes back to uniform when every queue is equally long", () => {
    const partitions = partitionInfos([1, 2, 3]);
    const sticky = new StickyPartitioner(1, sequence([0, 1 / 2 ** 32, 2 / 2 ** 32]));
    sticky.updateLoadStats([2, 2, 2], [0, 1, 2], 3);
    const seen = new Set<number>();
    for (let round = 0; round < 3; round++) {
      const current = sticky.peek(partitions);
      seen.add(current.partition);
      sticky.update(current, 1, partitions, true);
    }
    expect(seen).toEqual(new Set([0, 1, 2]));
  });
});

describe("RoundRobinPartitioner", () => {
  it("cycles over partitions with a leader, keys ignored, one counter per topic", () => {
    const partitioner = createRoundRobinPartitioner();
    const leaders = [1, -1, 3, 1];
    const picks = Array.from({ length: 6 }, (_, i) => partitioner(args(`k${i}`, leaders)));
    expect(picks).toEqual([0, 2, 3, 0, 2, 3]);
    expect(partitioner({ ...args(null, leaders), topic: "other" })).toBe(0);
  });

  it("uses every partition when none has a leader", () => {
    const partitioner = createRoundRobinPartitioner();
    expect([0, 1, 2, 3].map(() => partitioner(args(null, [-1, -1, -1])))).toEqual([0, 1, 2, 0]);
  });
});

describe("hot-key partitioner (the book's BananaPartitioner)", () => {
  it("gives the hot key the last partition and hashes every other key over the rest", () => {
    const partitioner = createHotKeyPartitioner({ hotKey: "Banana" });
    expect(partitioner(args("Banana"))).toBe(5);
    for (let i = 0; i < 500; i++) {
      const key = `customer-${i}`;
      const partition = partitioner(args(key));
      expect(partition).toBe(partitionForKey(utf8.encode(key), 5));
      expect(partition).toBeLessThan(5);
    }
  });

  it("refuses keyless messages, and has nowhere else to go with one partition", () => {
    const partitioner = createHotKeyPartitioner({ hotKey: "Banana" });
    expect(() => partitioner(args(null))).toThrow(/needs a key/);
    expect(partitioner(args("apple", [1]))).toBe(0);
  });
});

describe("resolvePartitioner", () => {
  it("hashes keys and leaves keyless records to the sticky partitioner by default", () => {
    const partitioner = resolvePartitioner({ partitionerClass: null, ignoreKeys: false });
    expect(partitioner(args("order-7"))).toBe(partitionForKey(utf8.encode("order-7"), 6));
    expect(partitioner(args(null))).toBe(UNKNOWN_PARTITION);
  });

  it("partitioner.ignore.keys sends keyed records to the sticky partitioner too", () => {
    const partitioner = resolvePartitioner({ partitionerClass: null, ignoreKeys: true });
    expect(partitioner(args("order-7"))).toBe(UNKNOWN_PARTITION);
  });

  it("accepts Kafka's class names for the partitioners Kafka ships", () => {
    const roundRobin = resolvePartitioner({
      partitionerClass: "org.apache.kafka.clients.producer.RoundRobinPartitioner",
      ignoreKeys: false,
    });
    expect([0, 1, 2].map(() => roundRobin(args("same")))).toEqual([0, 1, 2]);
    const uniform = resolvePartitioner({
      partitionerClass: "org.apache.kafka.clients.producer.UniformStickyPartitioner",
      ignoreKeys: false,
    });
    expect(uniform(args("order-7"))).toBe(UNKNOWN_PARTITION);
    expect(() =>
      resolvePartitioner({ partitionerClass: "com.example.Nope", ignoreKeys: false }),
    ).toThrow(
      new ConfigError(
        "Invalid value com.example.Nope for configuration partitioner.class: Class com.example.Nope could not be found.",
      ),
    );
  });

  it("takes KafkaJS's createPartitioner, and partitioner.class over it", () => {
    const custom = resolvePartitioner({
      partitionerClass: null,
      ignoreKeys: false,
      createPartitioner: () => () => 4,
    });
    expect(custom(args("x"))).toBe(4);
    const both = resolvePartitioner({
      partitionerClass: "RoundRobinPartitioner",
      ignoreKeys: false,
      createPartitioner: () => () => 4,
    });
    expect(both(args("x"))).toBe(0);
    expect(() =>
      resolvePartitioner({
        partitionerClass: null,
        ignoreKeys: false,
        createPartitioner: (() => 3) as never,
      }),
    ).toThrow(ConfigError);
  });
});
