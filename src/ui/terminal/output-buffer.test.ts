import { describe, expect, it } from "vitest";
import { OUTPUT_LIMIT, OutputBuffer } from "./output-buffer.ts";
import { candidateRows } from "./candidate-rows.ts";
import { unknownBrokerAddresses } from "./bootstrap-check.ts";

describe("the terminal's scrollback", () => {
  it("keeps the last OUTPUT_LIMIT lines with ids that never repeat", () => {
    const buffer = new OutputBuffer();
    for (let index = 0; index < OUTPUT_LIMIT * 2 + 7; index++)
      buffer.append({ kind: "out", text: `line ${index}` });
    const lines = buffer.snapshot();
    expect(lines).toHaveLength(OUTPUT_LIMIT);
    expect(lines.at(-1)).toMatchObject({ text: `line ${OUTPUT_LIMIT * 2 + 6}` });
    expect(lines[0]).toMatchObject({ text: `line ${OUTPUT_LIMIT + 7}` });
    expect(new Set(lines.map((line) => line.id)).size).toBe(OUTPUT_LIMIT);
    buffer.clear();
    buffer.append({ kind: "err", text: "after" });
    expect(buffer.snapshot()).toEqual([{ kind: "err", text: "after", id: OUTPUT_LIMIT * 2 + 8 }]);
  });

  it("knows its widest line, for the scroll width", () => {
    const buffer = new OutputBuffer(3);
    buffer.append({ kind: "out", text: "x".repeat(40) });
    buffer.append({ kind: "note", key: "terminal.ready", values: {}, tone: "plain" });
    expect(buffer.widest).toBe(42);
  });
});

describe("listing completion candidates", () => {
  it("fills columns down, then across, within the line", () => {
    expect(candidateRows(["alpha", "beta", "gamma", "delta", "eps"], 24)).toEqual([
      "alpha  gamma  eps",
      "beta   delta",
    ]);
    expect(candidateRows([])).toEqual([]);
  });
});

describe("bootstrap addresses that are not this cluster's", () => {
  it("are found in both option forms and in comma lists", () => {
    const brokers = ["broker-1:9092", "broker-2:9092"];
    expect(unknownBrokerAddresses(["--bootstrap-server", "broker-1:9092"], brokers)).toEqual([]);
    expect(
      unknownBrokerAddresses(
        ["--bootstrap-server", "broker-1:9092,localhost:9092", "--bootstrap-controller=b:9093"],
        brokers,
      ),
    ).toEqual(["localhost:9092", "b:9093"]);
    expect(unknownBrokerAddresses(["--topic", "localhost:9092"], brokers)).toEqual([]);
  });
});
