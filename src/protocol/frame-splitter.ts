/**
 * Splits a byte stream (TCP) into whole Kafka frames by their 4-byte size. Buffers at
 * most one frame; a size over the limit is an error and the connection should close, as
 * Kafka does for frames over `socket.request.max.bytes`.
 */
import { DEFAULT_MAX_FRAME_BYTES } from "./frames.ts";

export class FrameSplitter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {}

  /** Feed a chunk; returns the whole frames (with their size prefix) now complete. */
  push(chunk: Uint8Array): Uint8Array[] {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    const frames: Uint8Array[] = [];
    for (;;) {
      if (this.pendingBytes < 4) break;
      const head = this.peek(4);
      const size = new DataView(head.buffer, head.byteOffset, 4).getInt32(0);
      if (size < 0 || size > this.maxFrameBytes) {
        throw new RangeError(`frame size ${size} is over the limit of ${this.maxFrameBytes} bytes`);
      }
      if (this.pendingBytes < size + 4) break;
      frames.push(this.take(size + 4));
    }
    return frames;
  }

  private joined(): Uint8Array {
    if (this.pending.length === 1) return this.pending[0]!;
    const all = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const part of this.pending) {
      all.set(part, at);
      at += part.length;
    }
    this.pending = [all];
    return all;
  }

  /** The first `count` bytes, copying only from the first few chunks (not all of them). */
  private peek(count: number): Uint8Array {
    const first = this.pending[0]!;
    if (first.length >= count) return first.subarray(0, count);
    const head = new Uint8Array(count);
    let at = 0;
    for (const part of this.pending) {
      const used = Math.min(part.length, count - at);
      head.set(part.subarray(0, used), at);
      at += used;
      if (at === count) break;
    }
    return head;
  }

  private take(count: number): Uint8Array {
    const all = this.joined();
    // A copy that owns its buffer: chunks from a socket may be views into larger ones.
    const frame = new Uint8Array(all.subarray(0, count));
    const rest = all.subarray(count);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return frame;
  }
}
