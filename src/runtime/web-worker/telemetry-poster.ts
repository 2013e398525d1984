/**
 * The worker's side of telemetry: the node's events and the tap's frame records wait in
 * bounded buffers and go to the page in one message at most every 16 ms (real time, so
 * the page stays live at any speed), instead of one message per event.
 */
import { TelemetryBuffer } from "../../telemetry/telemetry-buffer.ts";
import type {
  TelemetryEvent,
  TelemetryKind,
  TelemetrySink,
} from "../../telemetry/telemetry-event.ts";
import type { FrameTap } from "../network/frame-tap.ts";
import type { WallClock } from "./playground-clock.ts";
import { TELEMETRY_POST_INTERVAL_MS, type TelemetryBatch } from "./telemetry-batch.ts";

export class TelemetryPoster implements TelemetrySink {
  private readonly buffer: TelemetryBuffer;
  private scheduled = false;

  constructor(
    private readonly post: (batch: TelemetryBatch) => void,
    private readonly tap: FrameTap,
    private readonly wall: Pick<WallClock, "setTimer">,
    capacity = 10_000,
  ) {
    this.buffer = new TelemetryBuffer(capacity, { coalesce: true });
  }

  /**
   * Per-frame "request" events only while the page records frames: the frame tap then has
   * every frame with its header, and they cost more than anything else a busy node emits.
   */
  wants(kind: TelemetryKind): boolean {
    return kind !== "request" || this.tap.enabled;
  }

  emit(event: TelemetryEvent): void {
    this.buffer.emit(event);
    this.schedule();
  }

  /** Something new is waiting (e.g. the tap recorded a frame): post it with the next batch. */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.wall.setTimer(TELEMETRY_POST_INTERVAL_MS, () => this.flush());
  }

  /** Post everything waiting now (also before a clean shutdown ends the worker). */
  flush(): void {
    this.scheduled = false;
    const { events, dropped } = this.buffer.drain();
    const { records, dropped: droppedFrames } = this.tap.takeRecords();
    if (events.length === 0 && records.length === 0 && dropped === 0 && droppedFrames === 0) return;
    this.post({ events, droppedEvents: dropped, frames: records, droppedFrames });
  }
}
