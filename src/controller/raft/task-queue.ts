/**
 * The Raft node's one thread: requests, answers, ticks and appends each run as a task, one
 * at a time in arrival order, so no two ever interleave across an await (a truncation in
 * the middle of an append, a vote answered while the quorum state is being written).
 */
export class TaskQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;

  /** Tasks waiting or running. */
  get length(): number {
    return this.queued;
  }

  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.queued++;
    const result = this.tail.then(task).finally(() => {
      this.queued--;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}
