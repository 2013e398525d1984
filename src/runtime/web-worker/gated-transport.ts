/**
 * A connection whose arrivals (frames and the hang-up) wait at the pause gate while the
 * playground is paused. If the gate is full the connection is broken off rather than
 * letting memory grow without bound.
 */
import type { Transport } from "../../client/transport.ts";
import type { PauseGate } from "./pause-gate.ts";

export class GatedTransport implements Transport {
  private frameListener: (frame: Uint8Array) => void = () => {};
  private closeListener: (reason: string) => void = () => {};
  private closeReported = false;

  constructor(
    private readonly inner: Transport,
    private readonly gate: PauseGate,
  ) {
    inner.onFrame((frame) => {
      // Every frame comes through here: no closure to hold it unless the gate must.
      if (gate.passesNow) this.frameListener(frame);
      else if (!gate.pass(() => this.frameListener(frame))) this.overflow();
    });
    inner.onClose((reason) => {
      if (!gate.pass(() => this.reportClose(reason))) this.reportClose(reason);
    });
  }

  send(frame: Uint8Array): void {
    this.inner.send(frame);
  }

  onFrame(listener: (frame: Uint8Array) => void): void {
    this.frameListener = listener;
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListener = listener;
  }

  close(): void {
    this.inner.close();
  }

  private overflow(): void {
    this.inner.close();
    this.reportClose("too many arrivals held while paused");
  }

  private reportClose(reason: string): void {
    if (this.closeReported) return;
    this.closeReported = true;
    this.closeListener(reason);
  }
}
