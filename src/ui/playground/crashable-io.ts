/**
 * A client's view of the page's network that can be made to crash, as a process dies:
 * every connection it opened closes at once, nothing it scheduled runs, and it cannot
 * connect again. Nothing is said to the brokers: a crashed consumer stays a group member
 * until its session times out, which is the point of the lesson.
 */
import type { BrokerAddress, ClientIo } from "../../client/client-io.ts";
import type { Transport } from "../../client/transport.ts";

export interface CrashableIo {
  readonly io: ClientIo;
  readonly crashed: boolean;
  crash(): void;
}

export function crashableIo(inner: ClientIo): CrashableIo {
  const open = new Set<Transport>();
  let crashed = false;
  const io: ClientIo = {
    connect(address: BrokerAddress) {
      if (crashed) return null;
      const transport = inner.connect(address);
      if (transport === null) return null;
      open.add(transport);
      transport.onClose(() => open.delete(transport));
      return transport;
    },
    nowMs: () => inner.nowMs(),
    after(delayMs, run) {
      inner.after(delayMs, () => {
        if (!crashed) run();
      });
    },
    random: () => inner.random(),
  };
  return {
    io,
    get crashed() {
      return crashed;
    },
    crash() {
      crashed = true;
      for (const transport of [...open]) transport.close();
      open.clear();
    },
  };
}
