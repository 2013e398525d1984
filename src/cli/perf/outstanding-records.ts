/**
 * The records a perf tool has handed to the producer and not yet seen answered, at most
 * `bound` of them. Java's perf tool only ever blocks in send() once buffer.memory is full,
 * because its producer's network thread runs beside it; here the producer's Sender runs on
 * the same event loop, so a tool that never waited would queue records until the buffer
 * is full before the first one left. Waiting for an answer whenever `bound` records are
 * outstanding keeps requests flowing from the start.
 */
export class OutstandingRecords {
  private count = 0;
  private roomWaiter: (() => void) | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly bound: number) {}

  sent(): void {
    this.count++;
  }

  answered(): void {
    this.count--;
    if (this.roomWaiter !== null && this.count < this.bound) {
      const wake = this.roomWaiter;
      this.roomWaiter = null;
      wake();
    }
    if (this.count === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /** null while there is room for another record, else a promise of room (one waiter at a time). */
  room(): Promise<void> | null {
    if (this.count < this.bound) return null;
    return new Promise<void>((resolve) => (this.roomWaiter = resolve));
  }

  /** Resolves once every record sent has been answered. */
  allAnswered(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }
}
