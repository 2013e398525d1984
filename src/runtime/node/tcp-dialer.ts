/**
 * How a node process reaches other nodes: a TCP connection to the target's host and port.
 * CONTROLLER targets go where controller.quorum.voters says (this process's own view of the
 * quorum), other targets where the core says. Open connections are tracked so a shutdown
 * can close them all.
 */
import { CONTROLLER_LISTENER, type Dialer, type DialTarget } from "../../client/node-requester.ts";
import type { Transport } from "../../client/transport.ts";
import type { HostPort } from "./endpoint-lists.ts";
import { TcpTransport, type TcpTransportOptions } from "./tcp-transport.ts";

export interface TcpDialer {
  dial: Dialer;
  /** Connections opened and not yet closed. */
  readonly openConnections: number;
  closeAll(): void;
}

export function createTcpDialer(
  voterEndpoints: ReadonlyMap<number, HostPort>,
  transport: TcpTransportOptions = {},
): TcpDialer {
  const open = new Set<TcpTransport>();
  const endpointOf = (target: DialTarget): HostPort =>
    (target.listener === CONTROLLER_LISTENER ? voterEndpoints.get(target.nodeId) : undefined) ??
    target;
  return {
    dial(target: DialTarget): Transport {
      const { host, port } = endpointOf(target);
      const connection: TcpTransport = TcpTransport.connect(host, port, {
        ...transport,
        onClosed: () => open.delete(connection),
      });
      open.add(connection);
      return connection;
    },
    get openConnections() {
      return open.size;
    },
    closeAll(): void {
      for (const connection of [...open]) connection.close("node shutting down");
      open.clear();
    },
  };
}
