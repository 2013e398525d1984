import { describe, expect, it } from "vitest";
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import { FrameTap, type FrameFacts } from "../network/frame-tap.ts";
import { TelemetryFeed } from "./telemetry-feed.ts";
import { TelemetryPoster } from "./telemetry-poster.ts";
import type { TelemetryBatch } from "./telemetry-batch.ts";

const started = (node: number): TelemetryEvent => ({ kind: "node", node, action: "started" });

function frameFacts(correlationId: number): FrameFacts {
  return {
    from: 1,
    to: 2,
    listener: "PLAINTEXT",
    direction: "request",
    apiKey: 18,
    apiVersion: 3,
    correlationId,
    bytes: 4,
    atMs: 0,
    delayMs: 0,
    retransmissions: 0,
    dropped: false,
  };
}

function manualFrames() {
  const waiting: (() => void)[] = [];
  return {
    requestFrame: (callback: () => void) => waiting.push(callback),
    runFrame: () => waiting.splice(0).forEach((callback) => callback()),
    get requested() {
      return waiting.length;
    },
  };
}

describe("TelemetryFeed", () => {
  it("merges batches from many workers in arrival order and drains them once", () => {
    const feed = new TelemetryFeed({ requestFrame: () => {} });
    feed.accept({
      events: [started(1)],
      droppedEvents: 0,
      frames: [{ id: 0, ...frameFacts(5) }],
      droppedFrames: 0,
    });
    feed.accept({ events: [started(2)], droppedEvents: 2, frames: [], droppedFrames: 1 });
    const drained = feed.drain();
    expect(drained.events.map((event) => event.node)).toEqual([1, 2]);
    expect(drained.frames.map((frame) => frame.correlationId)).toEqual([5]);
    expect([drained.droppedEvents, drained.droppedFrames]).toEqual([2, 1]);
    expect(feed.drain()).toEqual({ events: [], frames: [], droppedEvents: 0, droppedFrames: 0 });
  });

  it("stays within its bounds and counts what it dropped", () => {
    const feed = new TelemetryFeed({ eventCapacity: 3, requestFrame: () => {} });
    for (let node = 1; node <= 5; node++) feed.emit(started(node));
    const drained = feed.drain();
    expect(drained.events.map((event) => event.node)).toEqual([3, 4, 5]);
    expect(drained.droppedEvents).toBe(2);
  });

  it("tells subscribers at most once per animation frame", () => {
    const frames = manualFrames();
    const feed = new TelemetryFeed({ requestFrame: frames.requestFrame });
    let told = 0;
    const unsubscribe = feed.subscribe(() => told++);
    feed.emit(started(1));
    feed.emit(started(2));
    expect(frames.requested).toBe(1);
    frames.runFrame();
    expect(told).toBe(1);
    unsubscribe();
    feed.emit(started(3));
    frames.runFrame();
    expect(told).toBe(1);
  });
});

describe("TelemetryPoster", () => {
  it("posts events and frame records together, once per interval", () => {
    const posted: TelemetryBatch[] = [];
    const timers: (() => void)[] = [];
    const tap = new FrameTap({ enabled: true });
    const poster = new TelemetryPoster((batch) => posted.push(batch), tap, {
      setTimer: (_ms, run) => timers.push(run),
    });
    tap.onRecord = () => poster.schedule();
    poster.emit(started(1));
    poster.emit(started(1));
    tap.record(frameFacts(9), new Uint8Array([0, 0, 0, 0]));
    expect(timers.length).toBe(1);
    expect(posted).toEqual([]);
    timers.shift()!();
    expect(posted.length).toBe(1);
    expect(posted[0]!.events.length).toBe(2);
    expect(posted[0]!.frames.map((frame) => frame.correlationId)).toEqual([9]);
    poster.flush();
    expect(posted.length).toBe(1);
  });
});
