/**
 * Two transports joined back to back in memory, delivering on the microtask queue: the
 * smallest network there is, for unit tests of clients and brokers.
 */
import type { Transport } from "../transport.ts";

class Endpoint implements Transport {
  peer!: Endpoint;
  private frameListener: (frame: Uint8Array) => void = () => {};
  private closeListener: (reason: string) => void = () => {};
  closed = false;

  send(frame: Uint8Array): void {
    if (this.closed) return;
    const copy = frame.slice();
    queueMicrotask(() => {
      if (!this.peer.closed) this.peer.frameListener(copy);
    });
  }

  onFrame(listener: (frame: Uint8Array) => void): void {
    this.frameListener = listener;
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListener = listener;
  }

  close(reason = "closed"): void {
    if (this.closed) return;
    this.closed = true;
    this.closeListener(reason);
    queueMicrotask(() => this.peer.close(reason));
  }
}

export function transportPair(): [
  Transport & { close(reason?: string): void },
  Transport & { close(reason?: string): void },
] {
  const a = new Endpoint();
  const b = new Endpoint();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
