/**
 * The ceiling of the playground's storage: sequential OPFS sync-handle writes of one
 * reused chunk (bench/log/raw-opfs-write.ts), with nothing of the log around them, then a
 * flush (timed apart: Kafka acknowledges appends without one). The file is removed after.
 */
import { RawOpfsFile } from "../log/raw-opfs-write.ts";

export interface RawOpfsOptions {
  /** A directory below the OPFS root, removed afterwards. */
  root: string;
  chunkBytes: number;
  /** Written first and not timed. */
  warmupBytes: number;
  bytes: number;
}

export interface RawOpfsResult {
  bytes: number;
  seconds: number;
  flushSeconds: number;
  /** bytes / 2^20 per second, as Kafka's perf tools count MB. */
  megabytesPerSecond: number;
}

export async function measureRawOpfsWrites(options: RawOpfsOptions): Promise<RawOpfsResult> {
  const file = await RawOpfsFile.create(options.root, options.chunkBytes);
  try {
    file.write(options.warmupBytes);
    const before = file.writtenBytes;
    const seconds = file.write(options.bytes);
    const bytes = file.writtenBytes - before;
    const flushSeconds = file.flush();
    return { bytes, seconds, flushSeconds, megabytesPerSecond: bytes / 2 ** 20 / seconds };
  } finally {
    await file.remove();
  }
}
