/**
 * One endpoint on the page's full mesh of MessagePorts: a node worker, or the page's own
 * clients. The page gives every pair of endpoints one MessageChannel (the "mesh port").
 * Connecting to a peer's listener is like a TCP connect: a new MessageChannel for the one
 * connection, whose far end goes to the peer over the mesh port with the listener's name.
 * Kafka frames then travel on that connection's own port as transferred ArrayBuffers.
 */
import type { Transport } from "../../client/transport.ts";
import type { EndpointId } from "../network/link-conditions.ts";
import type { NetworkEndpoint } from "../network/network-endpoint.ts";
import { GatedTransport } from "./gated-transport.ts";
import { MessagePortTransport } from "./message-port-transport.ts";
import type { PauseGate } from "./pause-gate.ts";

/** What travels on a mesh port: a connection request, with the connection's port transferred. */
export interface ConnectMessage {
  kind: "connect";
  listener: string;
}

function isConnectMessage(data: unknown): data is ConnectMessage {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as ConnectMessage).kind === "connect" &&
    typeof (data as ConnectMessage).listener === "string"
  );
}

/**
 * Serves a connection a peer made to one of our listeners. Returns false to refuse it
 * (nobody listening there yet, or no such listener): the connection is closed at once.
 */
export type AcceptConnection = (
  transport: Transport,
  listener: string,
  peer: EndpointId,
) => boolean;

export class MeshEndpoint {
  private readonly meshPorts = new Map<EndpointId, MessagePort>();

  constructor(
    private readonly network: NetworkEndpoint,
    private readonly gate: PauseGate,
    private readonly accept: AcceptConnection = () => false,
  ) {}

  get self(): EndpointId {
    return this.network.self;
  }

  /** Start listening for connections from `peer` on its mesh port (replacing an old one). */
  attachPeer(peer: EndpointId, port: MessagePort): void {
    this.meshPorts.get(peer)?.close();
    this.meshPorts.set(peer, port);
    port.onmessage = (event: MessageEvent) => {
      const connectionPort = event.ports[0];
      if (connectionPort === undefined || !isConnectMessage(event.data)) return;
      const listener = event.data.listener;
      const held = this.gate.pass(() => this.incoming(peer, listener, connectionPort));
      if (!held) connectionPort.close();
    };
    port.start();
  }

  /** `peer` is gone (killed or shut down): drop its mesh port and reset its connections. */
  detachPeer(peer: EndpointId, reason: string): void {
    const port = this.meshPorts.get(peer);
    if (port !== undefined) {
      port.onmessage = null;
      port.close();
      this.meshPorts.delete(peer);
    }
    this.network.resetPeer(peer, reason);
  }

  hasPeer(peer: EndpointId): boolean {
    return this.meshPorts.has(peer);
  }

  /** Connect to `peer`'s `listener` (ourselves included); null when refused. */
  dial(peer: EndpointId, listener: string): Transport | null {
    if (peer === this.self) {
      return this.network.dial(peer, listener, () => {
        const channel = new MessageChannel();
        this.gate.pass(() => this.incoming(peer, listener, channel.port2));
        return this.wrap(channel.port1);
      });
    }
    const meshPort = this.meshPorts.get(peer);
    if (meshPort === undefined) return null;
    return this.network.dial(peer, listener, () => {
      const channel = new MessageChannel();
      meshPort.postMessage({ kind: "connect", listener } satisfies ConnectMessage, [channel.port2]);
      return this.wrap(channel.port1);
    });
  }

  private incoming(peer: EndpointId, listener: string, port: MessagePort): void {
    const raw = new MessagePortTransport(port);
    const transport = this.network.accept(peer, listener, new GatedTransport(raw, this.gate));
    // Nobody listening: the dialer sees its connection closed as refused (a TCP RST).
    if (transport !== null && !this.accept(transport, listener, peer))
      raw.close("connection refused");
  }

  private wrap(port: MessagePort): Transport {
    return new GatedTransport(new MessagePortTransport(port), this.gate);
  }
}
