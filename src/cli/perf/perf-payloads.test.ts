import { describe, expect, it } from "vitest";
import { OutstandingRecords } from "./outstanding-records.ts";
import { payloadSource, SeededRandom } from "./perf-payloads.ts";

describe("kafka-producer-perf-test payloads", () => {
  it("refills one buffer with capital letters per record, the same on every run, each letter as likely", () => {
    const next = payloadSource(101, []);
    const first = next(0);
    const firstText = new TextDecoder().decode(first);
    expect(firstText).toMatch(/^[A-Z]{101}$/);
    const second = next(1);
    // Kafka's tool reuses its byte[] too: the producer has copied the record by then.
    expect(second).toBe(first);
    expect(new TextDecoder().decode(second)).not.toBe(firstText);
    expect(new TextDecoder().decode(payloadSource(101, [])(0))).toBe(firstText);
    const counts = new Array<number>(26).fill(0);
    for (let record = 0; record < 2000; record++) {
      for (const letter of next(record)) counts[letter - 65]!++;
    }
    const expected = (2000 * 101) / 26;
    for (const count of counts) expect(Math.abs(count - expected) / expected).toBeLessThan(0.05);
  });

  it("picks file payloads at random, and numbers records with --payload-monotonic", () => {
    const fromFile = ["a", "b", "c"].map((text) => new TextEncoder().encode(text));
    const pick = payloadSource(null, fromFile);
    const picked = new Set(Array.from({ length: 60 }, (_, i) => pick(i)));
    expect(picked).toEqual(new Set(fromFile));
    expect(new TextDecoder().decode(payloadSource(null, [])(42))).toBe("42");
  });

  it("draws mulberry32's sequence", () => {
    const random = new SeededRandom(0);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([
      1144304738, 1416247, 958946056,
    ]);
    expect(random.nextBelow(10)).toBeLessThan(10);
  });
});

describe("OutstandingRecords", () => {
  it("has room below the bound, waits for an answer at it, and tells when all are answered", async () => {
    const outstanding = new OutstandingRecords(2);
    outstanding.sent();
    expect(outstanding.room()).toBeNull();
    outstanding.sent();
    const room = outstanding.room();
    expect(room).not.toBeNull();
    let roomy = false;
    void room!.then(() => (roomy = true));
    let idle = false;
    void outstanding.allAnswered().then(() => (idle = true));
    await Promise.resolve();
    expect(roomy).toBe(false);
    outstanding.answered();
    await Promise.resolve();
    expect(roomy).toBe(true);
    expect(idle).toBe(false);
    outstanding.answered();
    await Promise.resolve();
    expect(idle).toBe(true);
    await outstanding.allAnswered();
  });
});
