/**
 * How a client reaches a broker: whole Kafka frames out and in. The shells provide it
 * (a MessagePort in the browser, a TCP socket in Node, the simulated network in tests).
 */
export interface Transport {
  /** Send one whole frame (4-byte size included). The transport may take ownership. */
  send(frame: Uint8Array): void;
  /** Called with every whole frame that arrives. */
  onFrame(listener: (frame: Uint8Array) => void): void;
  /** Called once when the other side hangs up or the link fails. */
  onClose(listener: (reason: string) => void): void;
  close(): void;
}
