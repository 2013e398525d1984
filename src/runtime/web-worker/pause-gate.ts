/**
 * Holds back what arrives while the playground is paused (frames, hang-ups, new
 * connections) and lets it through in arrival order on resume, so a paused node does
 * nothing and misses nothing.
 */

/** Arrivals one endpoint may hold while paused before it starts refusing them. */
export const MAX_HELD_ARRIVALS = 100_000;

export class PauseGate {
  private readonly held: (() => void)[] = [];
  private isOpen = true;
  private flushing = false;

  constructor(private readonly capacity = MAX_HELD_ARRIVALS) {}

  /** Whether an arrival now would run at once (open, nothing held before it). */
  get passesNow(): boolean {
    return this.isOpen && !this.flushing && this.held.length === 0;
  }

  /** Runs `arrival` now if open, else holds it; false when it had to be refused (full). */
  pass(arrival: () => void): boolean {
    if (this.passesNow) {
      arrival();
      return true;
    }
    if (this.held.length >= this.capacity) return false;
    this.held.push(arrival);
    return true;
  }

  close(): void {
    this.isOpen = false;
  }

  /**
   * Opens the gate, first letting through everything held, in order. Arrivals passed
   * meanwhile queue behind the held ones; a close() stops the flush. An arrival that
   * throws does not hold up the rest: the first error is rethrown at the end.
   */
  open(): void {
    this.isOpen = true;
    if (this.flushing) return;
    this.flushing = true;
    let failure: { error: unknown } | null = null;
    let index = 0;
    try {
      while (index < this.held.length && this.isOpen) {
        const arrival = this.held[index++]!;
        try {
          arrival();
        } catch (error) {
          failure ??= { error };
        }
      }
    } finally {
      this.held.splice(0, index);
      this.flushing = false;
    }
    if (failure !== null) throw failure.error;
  }

  get heldCount(): number {
    return this.held.length;
  }
}
