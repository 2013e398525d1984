/**
 * One connection per (node, listener), opened on first use and reopened after it breaks:
 * the NodeRequester every broker and controller uses. Timeouts are checked when the
 * owner calls `expire()` from its tick (the core has no timers); a timed-out request closes
 * its connection, as Kafka's NetworkClient does, so a late answer can never be mistaken
 * for the next one.
 */
import { Connection, ConnectionError } from "./connection.ts";
import type { Clock } from "./clock.ts";
import type { Dialer, ListenerName, NodeRequester, NodeRequestOptions } from "./node-requester.ts";

/** Finds where a node's listener is (or null if the node is not known yet). */
export type EndpointLookup = (
  nodeId: number,
  listener: ListenerName,
) => { host: string; port: number } | null;

export class RequestTimeoutError extends Error {
  override readonly name = "RequestTimeoutError";
}

interface Deadline {
  atMs: number;
  connection: Connection;
  reject(error: Error): void;
  description: string;
}

export class ConnectionPool implements NodeRequester {
  private readonly connections = new Map<string, Connection>();
  private readonly deadlines = new Set<Deadline>();

  constructor(
    private readonly clientId: string,
    private readonly dial: Dialer,
    private readonly endpointOf: EndpointLookup,
    private readonly clock: Clock,
    private readonly maxInFlightPerConnection = 100,
  ) {}

  request<Response>(
    nodeId: number,
    listener: ListenerName,
    apiKey: number,
    apiVersion: number,
    body: unknown,
    options: NodeRequestOptions,
  ): Promise<Response> {
    const connection = this.connectionTo(nodeId, listener);
    if (connection === null) {
      return Promise.reject(new ConnectionError(`node ${nodeId} (${listener}) is unreachable`));
    }
    return new Promise<Response>((resolve, reject) => {
      const deadline: Deadline = {
        atMs: this.clock.nowMs() + options.timeoutMs,
        connection,
        reject,
        description: `API ${apiKey} to node ${nodeId}`,
      };
      this.deadlines.add(deadline);
      connection.request<Response>(apiKey, apiVersion, body).then(
        (response) => {
          this.deadlines.delete(deadline);
          resolve(response);
        },
        (error: Error) => {
          this.deadlines.delete(deadline);
          reject(error);
        },
      );
    });
  }

  /** Fail every request whose deadline has passed, closing its connection. */
  expire(): void {
    const now = this.clock.nowMs();
    for (const deadline of [...this.deadlines]) {
      if (deadline.atMs > now || !this.deadlines.has(deadline)) continue;
      this.deadlines.delete(deadline);
      deadline.reject(new RequestTimeoutError(`${deadline.description} timed out`));
      deadline.connection.close();
    }
  }

  /** Drop the connection to a node, e.g. after learning it restarted. */
  disconnect(nodeId: number): void {
    for (const [key, connection] of this.connections) {
      if (key.startsWith(`${nodeId}/`)) {
        connection.close();
        this.connections.delete(key);
      }
    }
  }

  closeAll(): void {
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
  }

  private connectionTo(nodeId: number, listener: ListenerName): Connection | null {
    const key = `${nodeId}/${listener}`;
    const existing = this.connections.get(key);
    if (existing !== undefined && !existing.closed) return existing;
    const endpoint = this.endpointOf(nodeId, listener);
    if (endpoint === null) return null;
    const transport = this.dial({ nodeId, listener, ...endpoint });
    if (transport === null) return null;
    const connection = new Connection(transport, this.clientId, this.maxInFlightPerConnection);
    this.connections.set(key, connection);
    return connection;
  }
}
