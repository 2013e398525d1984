/**
 * A peer of the postMessage benchmark (a dedicated worker). The sender posts fresh
 * `chunkBytes` ArrayBuffers over its MessagePort, transferring each (as the data plane
 * moves Kafka frames between node workers), keeping at most `windowMessages` unacknowledged;
 * the receiver checks each buffer's size and acknowledges every `ackEvery` messages.
 */
import type { PeerStart, TransferAck, TransferDone, TransferPlan } from "./postmessage-protocol.ts";

function receive(port: MessagePort, plan: TransferPlan): void {
  const total = plan.warmupMessages + plan.messages;
  let received = 0;
  port.onmessage = (event: MessageEvent<ArrayBuffer>) => {
    if (event.data.byteLength !== plan.chunkBytes) {
      throw new Error(`got ${event.data.byteLength} bytes, expected ${plan.chunkBytes}`);
    }
    received++;
    if (received % plan.ackEvery === 0 || received === total) {
      port.postMessage({ received } satisfies TransferAck);
    }
  };
}

function send(port: MessagePort, plan: TransferPlan): void {
  const total = plan.warmupMessages + plan.messages;
  let sent = 0;
  let acknowledged = 0;
  let timedFrom = Number.NaN;
  const pump = () => {
    while (sent < total && sent - acknowledged < plan.windowMessages) {
      if (sent === plan.warmupMessages) timedFrom = performance.now();
      const chunk = new ArrayBuffer(plan.chunkBytes);
      // A byte written per page, so the buffer is really allocated memory and not a lazy zero page.
      const view = new Uint8Array(chunk);
      for (let offset = 0; offset < view.length; offset += 4096) view[offset] = sent & 0xff;
      port.postMessage(chunk, [chunk]);
      sent++;
    }
  };
  port.onmessage = (event: MessageEvent<TransferAck>) => {
    acknowledged = event.data.received;
    if (acknowledged < total) {
      pump();
      return;
    }
    const done: TransferDone = {
      messages: plan.messages,
      bytes: plan.messages * plan.chunkBytes,
      seconds: (performance.now() - timedFrom) / 1000,
    };
    self.postMessage(done);
  };
  pump();
}

self.onmessage = (event: MessageEvent<PeerStart>) => {
  const start = event.data;
  if (start.role === "sender") send(start.port, start.plan);
  else receive(start.port, start.plan);
};
