/**
 * A bounded FIFO of telemetry events: the shell drains it once per frame (or per
 * simulator step). When the reader falls behind, the oldest events are dropped and
 * counted, so a slow page can never make a broker run out of memory.
 */
import type { TelemetryEvent, TelemetrySink } from "./telemetry-event.ts";

export class TelemetryBuffer implements TelemetrySink {
  private events: TelemetryEvent[] = [];
  private start = 0;
  /** Events dropped because the buffer was full, since the last drain. */
  dropped = 0;

  constructor(readonly capacity = 10_000) {
    if (capacity < 1) throw new RangeError("a telemetry buffer holds at least one event");
  }

  get size(): number {
    return this.events.length - this.start;
  }

  emit(event: TelemetryEvent): void {
    if (this.size >= this.capacity) {
      this.start++;
      this.dropped++;
    }
    this.events.push(event);
    // Compact now and then instead of shifting on every drop.
    if (this.start > this.capacity) {
      this.events = this.events.slice(this.start);
      this.start = 0;
    }
  }

  /** Everything buffered, oldest first, and how many were dropped before them. */
  drain(): { events: TelemetryEvent[]; dropped: number } {
    const events = this.events.slice(this.start);
    const dropped = this.dropped;
    this.events = [];
    this.start = 0;
    this.dropped = 0;
    return { events, dropped };
  }
}
