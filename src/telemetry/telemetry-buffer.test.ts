import { describe, expect, it } from "vitest";
import { TelemetryBuffer } from "./telemetry-buffer.ts";
import type { TelemetryEvent } from "./telemetry-event.ts";

const started = (node: number): TelemetryEvent => ({ kind: "node", node, action: "started" });

describe("TelemetryBuffer", () => {
  it("drains events in order and empties", () => {
    const buffer = new TelemetryBuffer(10);
    buffer.emit(started(1));
    buffer.emit(started(2));
    expect(buffer.drain()).toEqual({ events: [started(1), started(2)], dropped: 0 });
    expect(buffer.drain()).toEqual({ events: [], dropped: 0 });
  });

  it("keeps only the newest events when full and counts the dropped ones", () => {
    const buffer = new TelemetryBuffer(3);
    for (let node = 1; node <= 10; node++) buffer.emit(started(node));
    expect(buffer.size).toBe(3);
    expect(buffer.drain()).toEqual({ events: [started(8), started(9), started(10)], dropped: 7 });
  });
});

describe("TelemetryBuffer with coalesce", () => {
  const appended = (baseOffset: bigint, count: number, partition = 0): TelemetryEvent => ({
    kind: "records-appended",
    node: 1,
    topic: "orders",
    partition,
    baseOffset,
    count,
    bytes: count * 100,
  });
  const offsets = (logEndOffset: bigint, partition = 0): TelemetryEvent => ({
    kind: "log-offsets",
    node: 1,
    topic: "orders",
    partition,
    logStartOffset: 0n,
    logEndOffset,
    highWatermark: logEndOffset,
  });

  it("merges a partition's consecutive appends and keeps its newest offsets, in the newer place", () => {
    const buffer = new TelemetryBuffer(100, { coalesce: true });
    buffer.emit(appended(0n, 10));
    buffer.emit(offsets(10n));
    buffer.emit(started(2));
    buffer.emit(appended(10n, 5));
    buffer.emit(offsets(15n));
    buffer.emit(appended(0n, 3, 1));
    expect(buffer.size).toBe(4);
    expect(buffer.drain().events).toEqual([
      started(2),
      { ...appended(0n, 15), bytes: 1500 },
      offsets(15n),
      appended(0n, 3, 1),
    ]);
  });

  it("does not merge appends that do not continue each other (a truncation between)", () => {
    const buffer = new TelemetryBuffer(100, { coalesce: true });
    buffer.emit(appended(0n, 10));
    buffer.emit(appended(5n, 10));
    expect(buffer.drain().events).toEqual([appended(0n, 10), appended(5n, 10)]);
  });

  it("counts only live events against the capacity and drops the oldest live one", () => {
    const buffer = new TelemetryBuffer(2, { coalesce: true });
    buffer.emit(offsets(1n));
    buffer.emit(started(1));
    buffer.emit(offsets(2n)); // replaces offsets(1n): nothing dropped
    expect(buffer.size).toBe(2);
    buffer.emit(started(2)); // full: drops started(1)
    expect(buffer.drain()).toEqual({ events: [offsets(2n), started(2)], dropped: 1 });
  });

  it("keeps coalescing after compacting its slots", () => {
    const buffer = new TelemetryBuffer(3, { coalesce: true });
    for (let node = 1; node <= 10; node++) buffer.emit(started(node));
    buffer.emit(offsets(1n));
    buffer.emit(offsets(2n));
    expect(buffer.drain()).toEqual({
      events: [started(9), started(10), offsets(2n)],
      dropped: 8,
    });
  });
});
