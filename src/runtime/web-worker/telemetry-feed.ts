/**
 * The page's side of telemetry: every worker's batches (and the page's own events and
 * frame records) merge into one bounded ring each for events and frames. The UI drains
 * them once per animation frame: subscribers are told, at most once per frame, that
 * something is waiting, and call `drain()`.
 */
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import { BoundedRing } from "../network/bounded-ring.ts";
import type { FrameRecord } from "../network/frame-tap.ts";
import type { TelemetryBatch } from "./telemetry-batch.ts";

export interface TelemetryDrain {
  events: TelemetryEvent[];
  frames: FrameRecord[];
  /** Events lost since the last drain, in the workers or here, because nobody drained in time. */
  droppedEvents: number;
  droppedFrames: number;
}

export interface TelemetryFeedOptions {
  eventCapacity?: number;
  frameCapacity?: number;
  /** How to wait for the next animation frame (requestAnimationFrame on the page). */
  requestFrame?: (callback: () => void) => void;
}

export class TelemetryFeed {
  private readonly events: BoundedRing<TelemetryEvent>;
  private readonly frames: BoundedRing<FrameRecord>;
  private droppedUpstreamEvents = 0;
  private droppedUpstreamFrames = 0;
  private readonly listeners = new Set<() => void>();
  private readonly requestFrame: (callback: () => void) => void;
  private frameRequested = false;

  constructor(options: TelemetryFeedOptions = {}) {
    this.events = new BoundedRing(options.eventCapacity ?? 50_000);
    this.frames = new BoundedRing(options.frameCapacity ?? 20_000);
    this.requestFrame =
      options.requestFrame ?? ((callback) => requestAnimationFrame(() => callback()));
  }

  /** A worker's batch. */
  accept(batch: TelemetryBatch): void {
    for (const event of batch.events) this.events.push(event);
    for (const frame of batch.frames) this.frames.push(frame);
    this.droppedUpstreamEvents += batch.droppedEvents;
    this.droppedUpstreamFrames += batch.droppedFrames;
    this.changed();
  }

  /** An event the page itself knows of (a node it killed). */
  emit(event: TelemetryEvent): void {
    this.events.push(event);
    this.changed();
  }

  recordFrames(records: readonly FrameRecord[], dropped = 0): void {
    for (const record of records) this.frames.push(record);
    this.droppedUpstreamFrames += dropped;
    if (records.length > 0 || dropped > 0) this.changed();
  }

  /** Everything since the last drain, oldest first. */
  drain(): TelemetryDrain {
    const events = this.events.drain();
    const frames = this.frames.drain();
    const drained: TelemetryDrain = {
      events: events.items,
      frames: frames.items,
      droppedEvents: events.dropped + this.droppedUpstreamEvents,
      droppedFrames: frames.dropped + this.droppedUpstreamFrames,
    };
    this.droppedUpstreamEvents = 0;
    this.droppedUpstreamFrames = 0;
    return drained;
  }

  /** `listener` runs at most once per animation frame while something waits; returns unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.events.size > 0 || this.frames.size > 0) this.changed();
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    if (this.frameRequested || this.listeners.size === 0) return;
    this.frameRequested = true;
    this.requestFrame(() => {
      this.frameRequested = false;
      for (const listener of [...this.listeners]) listener();
    });
  }
}
