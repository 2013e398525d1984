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
