/**
 * buffer.memory as Kafka's BufferPool bounds it: each new batch reserves
 * max(batch.size, its first record) bytes until it is done. When the producer has more
 * unsent data than that, a send waits (in order, first come first served) for a batch to
 * finish, at most max.block.ms, then fails with Kafka's BufferExhaustedException message.
 * The waiters are bounded too: Kafka blocks the sending thread, so one sender can only
 * ever wait once; here a caller that piles up more than MAX_WAITERS waiting sends is told so.
 */
import type { ClientIo } from "../client-io.ts";
import { ProducerError } from "./producer-error.ts";

const MAX_WAITERS = 10_000;

interface Waiter {
  bytes: number;
  resolve(): void;
  reject(error: Error): void;
}

export class BufferPool {
  private usedBytes = 0;
  private readonly waiters: Waiter[] = [];

  constructor(
    readonly totalBytes: number,
    private readonly io: ClientIo,
  ) {}

  get availableBytes(): number {
    return this.totalBytes - this.usedBytes;
  }

  /** How many sends wait for memory (the accumulator then sends every batch at once). */
  get queued(): number {
    return this.waiters.length;
  }

  /** Takes `bytes` now if they are free and nobody waits before us. */
  tryReserve(bytes: number): boolean {
    if (this.waiters.length > 0 || this.usedBytes + bytes > this.totalBytes) return false;
    this.usedBytes += bytes;
    return true;
  }

  /** Takes `bytes`, waiting up to `maxBlockMs` for batches to finish. */
  reserve(bytes: number, maxBlockMs: number): Promise<void> {
    if (this.tryReserve(bytes)) return Promise.resolve();
    if (this.waiters.length >= MAX_WAITERS) {
      return Promise.reject(
        new ProducerError(
          "BufferExhaustedException",
          `${MAX_WAITERS} sends already wait for buffer memory; wait for earlier sends before sending more`,
          true,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { bytes, resolve, reject };
      this.waiters.push(waiter);
      this.io.after(maxBlockMs, () => {
        const index = this.waiters.indexOf(waiter);
        if (index < 0) return;
        this.waiters.splice(index, 1);
        reject(
          new ProducerError(
            "BufferExhaustedException",
            `Failed to allocate ${bytes} bytes within the configured max blocking time ${maxBlockMs} ms. ` +
              `Total memory: ${this.totalBytes} bytes. Available memory: ${this.availableBytes} bytes.`,
            true,
          ),
        );
        // Whoever waited behind us may fit now.
        this.wakeWaiters();
      });
    });
  }

  release(bytes: number): void {
    this.usedBytes -= bytes;
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    while (this.waiters.length > 0) {
      const first = this.waiters[0]!;
      if (this.usedBytes + first.bytes > this.totalBytes) return;
      this.waiters.shift();
      this.usedBytes += first.bytes;
      first.resolve();
    }
  }
}
