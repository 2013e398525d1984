import { describe, expect, it } from "vitest";
import { FrameTap } from "../network/frame-tap.ts";
import type { TelemetryBatch } from "./telemetry-batch.ts";
import { TelemetryPoster } from "./telemetry-poster.ts";

function poster(tap: FrameTap) {
  const posted: TelemetryBatch[] = [];
  const timers: (() => void)[] = [];
  const sink = new TelemetryPoster((batch) => posted.push(batch), tap, {
    setTimer: (_delayMs, run) => timers.push(run),
  });
  return { sink, posted, timers };
}

describe("TelemetryPoster", () => {
  it("wants per-frame request events only while the frame tap records", () => {
    const tap = new FrameTap();
    const { sink } = poster(tap);
    expect(sink.wants("request")).toBe(false);
    expect(sink.wants("records-appended")).toBe(true);
    expect(sink.wants("leader-changed")).toBe(true);
    tap.enabled = true;
    expect(sink.wants("request")).toBe(true);
  });

  it("posts everything emitted in one batch when its timer fires", () => {
    const { sink, posted, timers } = poster(new FrameTap());
    sink.emit({ kind: "node", node: 1, action: "started" });
    sink.emit({ kind: "node", node: 1, action: "recovered" });
    expect(timers).toHaveLength(1);
    expect(posted).toHaveLength(0);
    timers[0]!();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.events.map((event) => event.kind === "node" && event.action)).toEqual([
      "started",
      "recovered",
    ]);
  });
});
