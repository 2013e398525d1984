import { describe, expect, it } from "vitest";
import { javaStringHashCode, kafkaAbs, offsetsPartitionFor } from "./offsets-topic.ts";

/** String.hashCode by its definition, in exact arithmetic, then wrapped to int32. */
function referenceHashCode(value: string): number {
  let hash = 0n;
  for (let i = 0; i < value.length; i++) hash = hash * 31n + BigInt(value.charCodeAt(i));
  return Number(BigInt.asIntN(32, hash));
}

describe("the group's __consumer_offsets partition", () => {
  it("hashes like java.lang.String#hashCode, over UTF-16 code units with int32 overflow", () => {
    expect(javaStringHashCode("")).toBe(0);
    expect(javaStringHashCode("a")).toBe(97);
    expect(javaStringHashCode("hello")).toBe(99162322);
    expect(javaStringHashCode("Aa")).toBe(javaStringHashCode("BB"));
    // One character outside the BMP is two code units: 0xD83D * 31 + 0xDE00.
    expect(javaStringHashCode("\u{1F600}")).toBe(0xd83d * 31 + 0xde00);
    for (const group of [
      "payments",
      "console-consumer-40219",
      "my-group-with-a-very-long-name-".repeat(5),
      "그룹",
    ])
      expect(javaStringHashCode(group)).toBe(referenceHashCode(group));
  });

  it("uses Kafka's Utils.abs, which maps Integer.MIN_VALUE to 0", () => {
    expect(javaStringHashCode("polygenelubricants")).toBe(-2147483648);
    expect(kafkaAbs(-2147483648)).toBe(0);
    expect(kafkaAbs(-5)).toBe(5);
    expect(offsetsPartitionFor("polygenelubricants", 50)).toBe(0);
  });

  it("is abs(hashCode) modulo the partition count", () => {
    const negative = "my-group";
    expect(javaStringHashCode(negative)).toBeLessThan(0);
    expect(offsetsPartitionFor(negative, 50)).toBe(Math.abs(referenceHashCode(negative)) % 50);
    expect(offsetsPartitionFor("hello", 50)).toBe(99162322 % 50);
  });
});
