/**
 * buffer.memory as Kafka's BufferPool bounds it: each new batch reserves
 * max(batch.size, its first record) bytes until it is done. When the producer has more
 * unsent data than that, a send waits (in order, first come first served) for a batch to
 * finish, at most max.block.ms, then fails with Kafka's BufferExhaustedException message.
 * The waiters are bounded too: Kafka blocks the sending thread, so one sender can only
 * ever wait once; here a caller that piles up more than MAX_WAITERS waiting sends is told so.
 *
 * As Kafka's pool, it keeps the buffers of finished batch.size batches for the next ones
 * (a new 16 KiB buffer per batch is an allocation the garbage collector pays for again),
 * and never more than buffer.memory holds: reserved bytes plus kept buffers.
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
  /** Buffers of `poolableBytes` free for reuse (Kafka's free list). */
  private readonly free: Uint8Array[] = [];

  constructor(
    readonly totalBytes: number,
    private readonly io: ClientIo,
    /** batch.size: the one buffer size worth keeping. */
    private readonly poolableBytes: number,
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

  /** A buffer for `bytes` just reserved: a kept one when there is one of that size. */
  bufferFor(bytes: number): Uint8Array {
    const kept = bytes === this.poolableBytes ? this.free.pop() : undefined;
    // Reserved and kept bytes together stay within buffer.memory.
    while (this.free.length > 0 && this.usedBytes + this.keptBytes > this.totalBytes) {
      this.free.pop();
    }
    return kept ?? new Uint8Array(bytes);
  }

  /** Gives back `bytes` reserved before, and the batch's buffer to keep if it is worth keeping. */
  release(bytes: number, buffer: Uint8Array | null = null): void {
    this.usedBytes -= bytes;
    if (
      buffer !== null &&
      buffer.length === this.poolableBytes &&
      this.usedBytes + this.keptBytes + buffer.length <= this.totalBytes
    ) {
      this.free.push(buffer);
    }
    this.wakeWaiters();
  }

  private get keptBytes(): number {
    return this.free.length * this.poolableBytes;
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
