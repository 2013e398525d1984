/** What a node worker posts to the page about once per animation frame. */
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import type { FrameRecord } from "../network/frame-tap.ts";

export interface TelemetryBatch {
  events: TelemetryEvent[];
  /** Events the worker dropped since its last batch because the page fell behind. */
  droppedEvents: number;
  frames: FrameRecord[];
  droppedFrames: number;
}

/** How often a worker posts at most: once per 60 Hz frame. */
export const TELEMETRY_POST_INTERVAL_MS = 16;
