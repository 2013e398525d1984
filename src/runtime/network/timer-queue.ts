/**
 * Timers waiting for their due time: a binary min-heap ordered by due time, then by the
 * order they were added, so timers due at the same moment run first-in first-out (the
 * network fabric relies on that to keep frames in order).
 */

interface Timer {
  dueMs: number;
  sequence: number;
  run: () => void;
}

function earlier(a: Timer, b: Timer): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.sequence < b.sequence);
}

export class TimerQueue {
  private readonly heap: Timer[] = [];
  private nextSequence = 0;

  constructor(readonly capacity = 1_000_000) {}

  get size(): number {
    return this.heap.length;
  }

  /** The due time of the earliest timer, or null when there is none. */
  nextDueMs(): number | null {
    return this.heap[0]?.dueMs ?? null;
  }

  add(dueMs: number, run: () => void): void {
    if (this.heap.length >= this.capacity) {
      throw new RangeError(`more than ${this.capacity} timers pending`);
    }
    const heap = this.heap;
    heap.push({ dueMs, sequence: this.nextSequence++, run });
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!earlier(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  /**
   * Runs, in order, every timer due at or before `nowMs`; timers they add run on a later
   * call, so a timer that re-arms itself at zero delay cannot spin forever. A timer that
   * throws does not stop the others: the first error is rethrown after all have run.
   * Returns how many ran.
   */
  runDue(nowMs: number): number {
    const due: Timer[] = [];
    while (this.heap.length > 0 && this.heap[0]!.dueMs <= nowMs) due.push(this.pop());
    let failure: { error: unknown } | null = null;
    for (const timer of due) {
      try {
        timer.run();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure !== null) throw failure.error;
    return due.length;
  }

  clear(): void {
    this.heap.length = 0;
  }

  private pop(): Timer {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < heap.length && earlier(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && earlier(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === index) break;
        [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
        index = smallest;
      }
    }
    return top;
  }
}
