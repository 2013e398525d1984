/**
 * The connections a node has accepted and not yet seen close, so that a node that halts
 * can hang up on every client at once (a halted process's sockets close with it).
 */
import type { Transport } from "../../client/transport.ts";

export class OpenConnections {
  private readonly open = new Set<Transport>();

  /** `transport`, counted while open; hand the returned one to whoever serves it. */
  track(transport: Transport): Transport {
    const open = this.open;
    open.add(transport);
    return {
      send: (frame) => transport.send(frame),
      onFrame: (listener) => transport.onFrame(listener),
      onClose: (listener) =>
        transport.onClose((reason) => {
          open.delete(transport);
          listener(reason);
        }),
      close: () => {
        open.delete(transport);
        transport.close();
      },
    };
  }

  closeAll(): void {
    const all = [...this.open];
    this.open.clear();
    for (const transport of all) transport.close();
  }
}
