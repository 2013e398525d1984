/**
 * A bounded FIFO of telemetry events: the shell drains it once per frame (or per
 * simulator step). When the reader falls behind, the oldest events are dropped and
 * counted, so a slow page can never make a broker run out of memory.
 *
 * With `coalesce`, the per-append events of one partition shrink to what a frame can show:
 * a "log-offsets" snapshot replaces the partition's earlier one still waiting, and a
 * "records-appended" that continues the partition's waiting one absorbs it (first offset
 * of the earlier, counts and bytes summed). The merged event takes the newer one's place
 * in the order. A busy broker appends hundreds of batches per frame; the page draws one.
 */
import type { TelemetryEvent, TelemetrySink } from "./telemetry-event.ts";

type Appended = Extract<TelemetryEvent, { kind: "records-appended" }>;

export interface TelemetryBufferOptions {
  coalesce?: boolean;
}

export class TelemetryBuffer implements TelemetrySink {
  /** Slots in order; a coalesced event leaves a null behind. */
  private events: (TelemetryEvent | null)[] = [];
  private start = 0;
  private live = 0;
  /** Slot of each partition's waiting log-offsets / records-appended event, by key. */
  private readonly latest = new Map<string, number>();
  /** Events dropped because the buffer was full, since the last drain. */
  dropped = 0;

  constructor(
    readonly capacity = 10_000,
    private readonly options: TelemetryBufferOptions = {},
  ) {
    if (capacity < 1) throw new RangeError("a telemetry buffer holds at least one event");
  }

  get size(): number {
    return this.live;
  }

  emit(event: TelemetryEvent): void {
    const merged = this.options.coalesce ? this.coalesced(event) : event;
    if (this.live >= this.capacity) this.dropOldest();
    this.events.push(merged);
    this.live++;
    // Compact now and then instead of shifting on every drop.
    if (this.start > this.capacity) this.compact();
  }

  /** Everything buffered, oldest first, and how many were dropped before them. */
  drain(): { events: TelemetryEvent[]; dropped: number } {
    const events: TelemetryEvent[] = [];
    for (let index = this.start; index < this.events.length; index++) {
      const event = this.events[index];
      if (event) events.push(event);
    }
    const dropped = this.dropped;
    this.events = [];
    this.start = 0;
    this.live = 0;
    this.dropped = 0;
    this.latest.clear();
    return { events, dropped };
  }

  /** `event`, after taking the place of the partition's waiting event it supersedes. */
  private coalesced(event: TelemetryEvent): TelemetryEvent {
    if (event.kind !== "log-offsets" && event.kind !== "records-appended") return event;
    const key = `${event.kind} ${event.node} ${event.partition} ${event.topic}`;
    const slot = this.latest.get(key);
    this.latest.set(key, this.events.length);
    const earlier = slot === undefined || slot < this.start ? null : this.events[slot];
    if (!earlier) return event;
    if (event.kind === "records-appended") {
      const before = earlier as Appended;
      if (before.baseOffset + BigInt(before.count) !== event.baseOffset) return event;
      this.vacate(slot!);
      return {
        ...event,
        baseOffset: before.baseOffset,
        count: before.count + event.count,
        bytes: before.bytes + event.bytes,
      };
    }
    this.vacate(slot!);
    return event;
  }

  private vacate(slot: number): void {
    this.events[slot] = null;
    this.live--;
  }

  private dropOldest(): void {
    while (this.events[this.start] === null) this.start++;
    this.start++;
    this.live--;
    this.dropped++;
  }

  private compact(): void {
    const shift = this.start;
    this.events = this.events.slice(shift);
    this.start = 0;
    for (const [key, slot] of this.latest) {
      if (slot < shift) this.latest.delete(key);
      else this.latest.set(key, slot - shift);
    }
  }
}
