/**
 * Frame times: the page-side recorder (every animation frame's duration, from
 * requestAnimationFrame timestamps) and the nearest-rank percentile over them.
 */

/** The nearest-rank percentile `p` (0–100) of `values`: the smallest value with p % at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("no values");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))
  ]!;
}

export interface FrameTimeSummary {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export function frameTimeSummary(frames: readonly number[]): FrameTimeSummary {
  return {
    frames: frames.length,
    medianMs: percentile(frames, 50),
    p95Ms: percentile(frames, 95),
    maxMs: Math.max(...frames),
  };
}

interface FrameRecorderWindow {
  benchFrameRecorder?: { frames: number[]; stopped: boolean };
}

/** Runs in the page: records every frame's duration until stopFrameRecorder, at most `maxFrames`. */
export function startFrameRecorder(maxFrames: number): void {
  const recorder = { frames: [] as number[], stopped: false };
  (window as FrameRecorderWindow).benchFrameRecorder = recorder;
  let last = -1;
  const step = (now: number) => {
    if (recorder.stopped) return;
    // To 0.1 ms, the clock's resolution on a page that is not cross-origin isolated: the
    // difference of two coarsened times is 16.700000000000728, not a frame over 16.7 ms.
    if (last >= 0 && recorder.frames.length < maxFrames) {
      recorder.frames.push(Math.round((now - last) * 10) / 10);
    }
    last = now;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

/** Runs in the page: stops the recorder and returns the frame durations it saw. */
export function stopFrameRecorder(): number[] {
  const recorder = (window as FrameRecorderWindow).benchFrameRecorder;
  if (recorder === undefined) throw new Error("no frame recorder started");
  recorder.stopped = true;
  return recorder.frames;
}
