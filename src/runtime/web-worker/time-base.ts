/**
 * The playground's time control as data: node time runs at `speed` times wall time from a
 * reference point, or stands still while paused. The page owns it and sends the same base
 * to every worker; since each worker derives node time from the shared wall clock, all
 * nodes agree on "now" however often the speed changes.
 */
export interface TimeBase {
  /** Wall-clock time (epoch ms) of the reference point. */
  wallMs: number;
  /** Node time at the reference point. */
  nodeMs: number;
  speed: number;
  paused: boolean;
}

/** Slowest and fastest the playground runs: a tenth of real time, up to four times. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 4;

export function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    throw new RangeError(`speed must be in [${MIN_SPEED}, ${MAX_SPEED}], got ${speed}`);
  }
  return speed;
}

/** Real time now, in epoch ms with sub-millisecond precision, the same in every worker. */
export function wallNowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Node time starts at wall time, so record timestamps look like real ones. */
export function initialTimeBase(wallMs: number): TimeBase {
  return { wallMs, nodeMs: wallMs, speed: 1, paused: false };
}

export function nodeTimeAt(base: TimeBase, wallMs: number): number {
  return base.paused ? base.nodeMs : base.nodeMs + (wallMs - base.wallMs) * base.speed;
}

/** The base after a change made at `wallMs`: node time continues from where it is. */
export function changeTimeBase(
  base: TimeBase,
  wallMs: number,
  change: { speed?: number; paused?: boolean },
): TimeBase {
  return {
    wallMs,
    nodeMs: nodeTimeAt(base, wallMs),
    speed: change.speed === undefined ? base.speed : checkSpeed(change.speed),
    paused: change.paused ?? base.paused,
  };
}
