/**
 * A Kafka connection over a MessagePort: each message is one whole frame in a transferred
 * ArrayBuffer (no copy). A hang-up travels as a small control object, since ports have no
 * close event of their own.
 */
import type { Transport } from "../../client/transport.ts";

interface HangUp {
  hangUp: string;
}

function isHangUp(data: unknown): data is HangUp {
  return typeof data === "object" && data !== null && "hangUp" in data;
}

/** The frame's own buffer when it fills it, else a copy, so it can be transferred. */
export function transferable(frame: Uint8Array): ArrayBuffer {
  if (
    frame.byteOffset === 0 &&
    frame.byteLength === frame.buffer.byteLength &&
    frame.buffer instanceof ArrayBuffer
  ) {
    return frame.buffer;
  }
  return frame.slice().buffer as ArrayBuffer;
}

export class MessagePortTransport implements Transport {
  private frameListener: (frame: Uint8Array) => void = () => {};
  private closeListener: (reason: string) => void = () => {};
  private closed = false;

  constructor(private readonly port: MessagePort) {
    port.onmessage = (event: MessageEvent) => {
      if (event.data instanceof ArrayBuffer) this.frameListener(new Uint8Array(event.data));
      else if (isHangUp(event.data)) this.shutDown(event.data.hangUp);
    };
    port.start();
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    const buffer = transferable(frame);
    this.port.postMessage(buffer, [buffer]);
  }

  onFrame(listener: (frame: Uint8Array) => void): void {
    this.frameListener = listener;
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListener = listener;
  }

  /** Hang up: tell the other side, then stop listening. */
  close(reason = "closed"): void {
    if (this.closed) return;
    this.port.postMessage({ hangUp: reason } satisfies HangUp);
    this.shutDown(reason);
  }

  private shutDown(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.port.onmessage = null;
    this.port.close();
    this.closeListener(reason);
  }
}
