/**
 * The consumer's line to its group coordinator: found with FindCoordinator, then a
 * connection of its own, apart from the fetch connections. Java does the same (it gives the
 * coordinator the connection id MAX_VALUE - nodeId) because a broker serves one request per
 * connection at a time: a JoinGroup held for the whole rebalance must not hold up fetches
 * from that broker. A lost connection, a timeout, or NOT_COORDINATOR /
 * COORDINATOR_NOT_AVAILABLE forget the coordinator; the next request finds it again.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { BackoffConfig } from "../cluster/backoff.ts";
import { BrokerConnection, type RequestOptions } from "../cluster/broker-connection.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { findCoordinator } from "../cluster/find-coordinator.ts";
import { ConnectionError } from "../connection.ts";
import { isRetriable } from "../kafka-error.ts";

/** Coordinator errors after which Java marks the coordinator unknown and looks again. */
export const COORDINATOR_MOVED: ReadonlySet<number> = new Set([
  ErrorCode.NOT_COORDINATOR,
  ErrorCode.COORDINATOR_NOT_AVAILABLE,
]);

export class CoordinatorChannel {
  private current: { nodeId: number; connection: BrokerConnection } | null = null;
  private finding: Promise<{ nodeId: number; connection: BrokerConnection }> | null = null;
  private closed = false;

  constructor(
    private readonly cluster: ClientCluster,
    readonly groupId: string,
    private readonly backoff: BackoffConfig & { timeoutMs: number },
  ) {}

  /** The coordinator's node id, or null while it is unknown. */
  get nodeId(): number | null {
    return this.current?.nodeId ?? null;
  }

  /** Sends a request to the coordinator, finding it first if needed. */
  async request<Response>(
    apiKey: number,
    body: unknown,
    options: Partial<RequestOptions> = {},
  ): Promise<{ response: Response; version: number }> {
    const coordinator = await this.ensure();
    try {
      return await coordinator.connection.request<Response>(apiKey, body, {
        ...options,
        timeoutMs: options.timeoutMs ?? this.cluster.requestTimeoutMs,
      });
    } catch (error) {
      if (isRetriable(error)) this.markUnknown(coordinator.nodeId);
      throw error;
    }
  }

  async ensure(): Promise<{ nodeId: number; connection: BrokerConnection }> {
    if (this.closed) throw new ConnectionError("the consumer is closed");
    if (this.current !== null && !this.current.connection.closed) return this.current;
    this.finding ??= this.find().finally(() => (this.finding = null));
    return this.finding;
  }

  /** Forgets the coordinator (if it is still `nodeId`), closing its connection. */
  markUnknown(nodeId: number | null = this.nodeId): void {
    if (this.current === null || (nodeId !== null && this.current.nodeId !== nodeId)) return;
    this.current.connection.close();
    this.current = null;
  }

  close(): void {
    this.closed = true;
    this.markUnknown();
  }

  private async find(): Promise<{ nodeId: number; connection: BrokerConnection }> {
    const found = await findCoordinator(this.cluster, this.groupId, this.backoff);
    if (this.closed) throw new ConnectionError("the consumer is closed");
    const connection = BrokerConnection.open(
      found.nodeId,
      { host: found.host, port: found.port },
      this.cluster.io,
      this.cluster.clientId,
      // Group requests are few: a JoinGroup, a commit and a heartbeat at most.
      16,
    );
    if (connection === null) {
      throw new ConnectionError(
        `coordinator ${found.nodeId} at ${found.host}:${found.port} is unreachable`,
      );
    }
    this.current = { nodeId: found.nodeId, connection };
    return this.current;
  }
}
