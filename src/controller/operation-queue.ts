/**
 * Runs the controller's operations one at a time, in arrival order, like Kafka's controller
 * event queue: each decides from the state the previous one left and appends its records
 * before the next one starts, so records reach the log in decision order. The queue is
 * bounded; past the bound `tryRun` refuses instead of growing without limit.
 */
export class OperationQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.pending;
  }

  /** Queue `operation`; null when the queue is full. */
  tryRun<T>(operation: () => Promise<T>): Promise<T> | null {
    if (this.pending >= this.capacity) return null;
    this.pending++;
    const result = this.tail.then(operation);
    const done = () => {
      this.pending--;
    };
    // The next operation waits for this one to settle, whether it succeeded or not.
    this.tail = result.then(done, done);
    return result;
  }
}
