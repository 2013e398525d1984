import { describe, expect, it } from "vitest";
import { duplicateRecords, pageLinkFaulty, recordsBy } from "./13-idempotent-producer-queries.ts";
import type { LoggedRecord } from "./log-reader.ts";

const record = (offset: number, value: string, producerId: number): LoggedRecord => ({
  offset,
  key: null,
  value,
  producerId,
});

describe("records written twice", () => {
  const records = [
    record(0, "payment #0", -1),
    record(1, "payment #1", -1),
    record(2, "payment #1", -1), // a retried batch appended again
    record(3, "payment #0", 4000), // another producer's own numbering
    record(4, "payment #1", 4000),
    record(5, "payment #0", 4001),
  ];

  it("counts a plain producer's repeats", () => {
    expect(duplicateRecords(records, "plain")).toBe(1);
    expect(recordsBy(records, "plain")).toBe(3);
  });

  it("tells idempotent producers apart by producer id", () => {
    expect(duplicateRecords(records, "idempotent")).toBe(0);
    expect(recordsBy(records, "idempotent")).toBe(3);
    expect(duplicateRecords([...records, record(6, "payment #1", 4000)], "idempotent")).toBe(1);
  });
});

describe("a faulty link of the page", () => {
  const cut = { cut: true, latencyMs: 0, lossRate: 0 };
  it("is one with the page at either end", () => {
    expect(pageLinkFaulty([])).toBe(false);
    expect(pageLinkFaulty([{ from: 1, to: 2, conditions: cut }])).toBe(false);
    expect(pageLinkFaulty([{ from: 2, to: "page", conditions: cut }])).toBe(true);
    expect(pageLinkFaulty([{ from: "page", to: 3, conditions: cut }])).toBe(true);
  });
});
