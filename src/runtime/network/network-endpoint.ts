/**
 * One endpoint's view of the playground's network (a node, or the page's own clients):
 * it makes and accepts connections, wraps each in the link's conditions, and remembers
 * them per peer so a dead peer's connections can be reset at once. The shells supply the
 * raw connections (MessageChannels in the browser, in-memory pipes in the simulator).
 */
import type { Transport } from "../../client/transport.ts";
import {
  ConditionedTransport,
  type ConnectionEnds,
  type LinkContext,
} from "./conditioned-transport.ts";
import type { EndpointId } from "./link-conditions.ts";

/** Connections one endpoint may hold open, like a process's file-descriptor limit. */
export const MAX_CONNECTIONS = 4_096;

export class NetworkEndpoint {
  private readonly connections = new Map<EndpointId, Set<ConditionedTransport>>();
  private count = 0;

  constructor(
    readonly self: EndpointId,
    readonly context: LinkContext,
    private readonly maxConnections = MAX_CONNECTIONS,
  ) {}

  /**
   * Connect to `peer`'s `listener`: `open` makes the raw connection. Null (refused) when a
   * link either way is cut (a handshake needs both), when `open` finds nobody listening,
   * or when this endpoint holds too many connections.
   */
  dial(peer: EndpointId, listener: string, open: () => Transport | null): Transport | null {
    if (!this.context.links.canConnect(this.self, peer) || this.count >= this.maxConnections)
      return null;
    const raw = open();
    if (raw === null) return null;
    return this.track(raw, { self: this.self, peer, listener, role: "client" });
  }

  /** Wrap a connection `peer` made to us; null (and the connection closed) when over the limit. */
  accept(peer: EndpointId, listener: string, raw: Transport): Transport | null {
    if (this.count >= this.maxConnections) {
      raw.close();
      return null;
    }
    return this.track(raw, { self: this.self, peer, listener, role: "server" });
  }

  /** Break every connection with `peer`, e.g. when its process died (the OS resets them). */
  resetPeer(peer: EndpointId, reason: string): void {
    for (const connection of [...(this.connections.get(peer) ?? [])]) connection.reset(reason);
  }

  resetAll(reason: string): void {
    for (const peer of [...this.connections.keys()]) this.resetPeer(peer, reason);
  }

  /** Open connections, with one peer or with all. */
  connectionCount(peer?: EndpointId): number {
    return peer === undefined ? this.count : (this.connections.get(peer)?.size ?? 0);
  }

  private track(raw: Transport, ends: ConnectionEnds): ConditionedTransport {
    let set = this.connections.get(ends.peer);
    if (set === undefined) this.connections.set(ends.peer, (set = new Set()));
    const peerConnections = set;
    const connection = new ConditionedTransport(raw, ends, this.context, () => {
      if (!peerConnections.delete(connection)) return;
      this.count--;
      if (peerConnections.size === 0) this.connections.delete(ends.peer);
    });
    peerConnections.add(connection);
    this.count++;
    return connection;
  }
}
