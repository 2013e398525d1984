/**
 * Two connected Transports in memory: what one end sends, the other receives, at once and
 * in order. The raw connection under a ConditionedTransport when there is no real wire
 * (the simulator, unit tests); frames are handed over without copying.
 */
import type { Transport } from "../../client/transport.ts";

class PipeEnd implements Transport {
  other: PipeEnd | null = null;
  private frameListener: (frame: Uint8Array) => void = () => {};
  private closeListener: (reason: string) => void = () => {};
  private closed = false;

  send(frame: Uint8Array): void {
    if (this.closed) return;
    this.other?.receive(frame);
  }

  private receive(frame: Uint8Array): void {
    if (!this.closed) this.frameListener(frame);
  }

  onFrame(listener: (frame: Uint8Array) => void): void {
    this.frameListener = listener;
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListener = listener;
  }

  close(): void {
    this.hangUp("closed");
    this.other?.hangUp("closed by the peer");
  }

  private hangUp(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.closeListener(reason);
  }
}

export function createMemoryPipe(): [Transport, Transport] {
  const a = new PipeEnd();
  const b = new PipeEnd();
  a.other = b;
  b.other = a;
  return [a, b];
}
