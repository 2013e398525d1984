import { describe, expect, it } from "vitest";
import {
  checkRecords,
  chaosValueTemplate,
  parseChaosValue,
  type Acknowledgement,
  type LogRecord,
} from "./record-check.ts";

const value = (producer: string, n: number) =>
  chaosValueTemplate(producer).replace("{n}", String(n));
const log = (...values: string[]): LogRecord[] =>
  values.map((text, offset) => ({ offset, value: text }));
const ack = (producer: string, n: number, partition: number, offset: number): Acknowledgement => ({
  producer,
  n,
  partition,
  offset,
});

describe("the records check", () => {
  it("reads back the producer and sequence number the template writes", () => {
    expect(parseChaosValue(value("p1", 42))).toEqual({ producer: "p1", n: 42 });
    expect(parseChaosValue("order #3 for bob")).toBeNull();
    expect(parseChaosValue(null)).toBeNull();
  });

  it("passes when every acknowledged record is in place once and in order", () => {
    const logs = new Map([
      [0, log(value("p1", 0), value("p2", 0), value("p1", 2))],
      [1, log(value("p1", 1), value("p2", 1))],
    ]);
    const result = checkRecords(
      [ack("p1", 0, 0, 0), ack("p2", 0, 0, 1), ack("p1", 2, 0, 2), ack("p1", 1, 1, 0)],
      logs,
    );
    expect(result.violations).toEqual([]);
    expect(result.acknowledged).toBe(4);
    // p2 #1 was written but its answer never came: allowed, and counted in the log.
    expect(result.inLogByProducer).toEqual({ p1: 3, p2: 2 });
  });

  it("counts an acknowledged record the log does not hold as lost", () => {
    const result = checkRecords(
      [ack("p1", 0, 0, 0), ack("p1", 1, 0, 1)],
      new Map([[0, log(value("p1", 0))]]),
    );
    expect(result.lost).toBe(1);
    expect(result.violations[0]).toContain("p1#1 was acknowledged");
  });

  it("counts a second copy as duplicated, even of a record never acknowledged", () => {
    const result = checkRecords(
      [],
      new Map([
        [0, log(value("p1", 0), value("p1", 1))],
        [1, log(value("p1", 1))],
      ]),
    );
    expect(result.duplicated).toBe(1);
    expect(result.violations).toHaveLength(1);
  });

  it("counts a record standing after one its producer sent later as out of order", () => {
    const result = checkRecords(
      [],
      new Map([[0, log(value("p1", 0), value("p1", 5), value("p1", 3), value("p1", 6))]]),
    );
    expect(result.outOfOrder).toBe(1);
    expect(result.violations[0]).toContain("p1#3");
  });

  it("flags an acknowledgement at the wrong offset, a record nobody sent, and one acknowledged twice", () => {
    const result = checkRecords(
      [ack("p1", 0, 0, 1), ack("p1", 1, 0, 2), ack("p1", 1, 0, 2)],
      new Map([[0, log(value("p1", 0), value("p1", 1), "stranger")]]),
    );
    expect(result.misplaced).toBe(2);
    expect(result.violations.some((v) => v.includes("no chaos producer sent"))).toBe(true);
    expect(result.violations.some((v) => v.includes("acknowledged twice"))).toBe(true);
  });

  it("keeps ten sentences per kind and counts the rest", () => {
    const acks = Array.from({ length: 25 }, (_, n) => ack("p1", n, 0, n));
    const result = checkRecords(acks, new Map([[0, []]]));
    expect(result.lost).toBe(25);
    expect(result.violations).toHaveLength(11);
    expect(result.violations.at(-1)).toBe("… and 15 more lost");
  });
});
