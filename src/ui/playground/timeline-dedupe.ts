/**
 * Every node replays the same metadata log, so a leader change or a fencing is reported by
 * each of them: the timeline keeps the first report of each fact within a short window.
 */
const WINDOW_MS = 3_000;
const MAX_KEYS = 2_000;

export class TimelineDedupe {
  private readonly seen = new Map<string, number>();

  /** True the first time `key` is seen within the window. */
  first(key: string, atMs: number): boolean {
    const last = this.seen.get(key);
    if (last !== undefined && atMs - last < WINDOW_MS) return false;
    this.seen.delete(key);
    this.seen.set(key, atMs);
    if (this.seen.size > MAX_KEYS) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
