/**
 * The expected values were printed by OpenJDK 17 (jshell) for java.lang.String.hashCode,
 * java.util.HashMap and java.util.HashSet, with a record whose hashCode is Kafka's
 * TopicPartition formula.
 */
import { describe, expect, it } from "vitest";
import {
  JavaHashSet,
  javaHashMapBuckets,
  javaStringHashCode,
  javaStringKeyOrder,
  javaTopicPartitionHashCode,
} from "./java-hash-order.ts";

interface Tp {
  topic: string;
  partition: number;
}
const tpHash = (tp: Tp) => javaTopicPartitionHashCode(tp.topic, tp.partition);
const label = (tp: Tp | undefined) => (tp === undefined ? "none" : `${tp.topic}-${tp.partition}`);

describe("hash codes", () => {
  it("matches String.hashCode, overflow and non-ASCII included", () => {
    expect(javaStringHashCode("")).toBe(0);
    expect(javaStringHashCode("hello")).toBe(99162322);
    expect(javaStringHashCode("consumer1")).toBe(-421004549);
    expect(javaStringHashCode("한글토픽")).toBe(1671709377);
    expect(javaStringHashCode("a-very-long-topic-name-with-overflow-0123456789")).toBe(1295004039);
  });

  it("matches TopicPartition.hashCode", () => {
    expect(javaTopicPartitionHashCode("topic", 0)).toBe(110547184);
    expect(javaTopicPartitionHashCode("orders", 7)).toBe(-1008769153);
  });
});

describe("HashMap iteration order", () => {
  it("orders a small map by bucket", () => {
    expect(javaStringKeyOrder(["consumer1", "consumer2", "consumer3"])).toEqual([
      "consumer3",
      "consumer2",
      "consumer1",
    ]);
  });

  it("follows the table as it grows past 12 and 24 entries", () => {
    expect(javaHashMapBuckets(12)).toBe(16);
    expect(javaHashMapBuckets(13)).toBe(32);
    expect(javaHashMapBuckets(25)).toBe(64);
    const consumers = Array.from({ length: 19 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);
    expect(javaStringKeyOrder(consumers)).toEqual(
      "c11 c10 c02 c13 c01 c12 c04 c15 c03 c14 c06 c17 c05 c16 c08 c19 c07 c18 c09".split(" "),
    );
    const topics = "payments audit-log orders clicks t1 t2 t3 t4 t5 t6 t7 t8 t9".split(" ");
    expect(javaStringKeyOrder(topics)).toEqual(
      "t4 t5 t6 t7 t8 t9 payments clicks orders t1 audit-log t2 t3".split(" "),
    );
  });

  it('keeps insertion order inside a bucket ("Aa" and "BB" share a hash code)', () => {
    expect(javaStringKeyOrder(["Aa", "BB", "C#", "consumer-b", "consumer-a"])).toEqual([
      "Aa",
      "BB",
      "C#",
      "consumer-b",
      "consumer-a",
    ]);
    expect(javaStringKeyOrder(["BB", "Aa", "consumer-a", "consumer-b"])).toEqual([
      "BB",
      "Aa",
      "consumer-b",
      "consumer-a",
    ]);
  });

  it("ignores a repeated key", () => {
    expect(javaStringKeyOrder(["consumer1", "consumer2", "consumer1"])).toEqual([
      "consumer2",
      "consumer1",
    ]);
  });
});

describe("HashSet first element", () => {
  it("matches iterator().next() after growth and removal", () => {
    const set = new JavaHashSet<Tp>(tpHash);
    const partitions = Array.from({ length: 20 }, (_, partition) => ({
      topic: "topic",
      partition,
    }));
    for (const tp of partitions) set.add(tp);
    expect(label(set.first())).toBe("topic-0");
    set.delete(set.first()!);
    expect(label(set.first())).toBe("topic-18");
    expect(set.size).toBe(19);
  });

  it("matches a small mixed set", () => {
    const set = new JavaHashSet<Tp>(tpHash);
    set.add({ topic: "t2", partition: 5 });
    set.add({ topic: "t1", partition: 3 });
    set.add({ topic: "t10", partition: 0 });
    expect(label(set.first())).toBe("t10-0");
  });

  it("is empty when everything was removed", () => {
    const set = new JavaHashSet<string>(javaStringHashCode);
    set.add("a");
    set.delete("a");
    expect(set.first()).toBeUndefined();
    expect(set.has("a")).toBe(false);
  });
});
