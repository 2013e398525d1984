/**
 * A client's view of the cluster and its connections, shared by its producer, consumer and
 * admin as KafkaJS's Cluster and Java's Metadata + NetworkClient are: bootstrap servers
 * until the first Metadata answer, then one connection per broker by node id; metadata
 * refreshed on demand (after NOT_LEADER_OR_FOLLOWER and the like) and every
 * `metadata.max.age.ms`; requests to a node, to any broker, or to the controller.
 */
import { ZERO_UUID } from "../../protocol/codec-runtime.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { MetadataResponse } from "../../protocol/generated/messages/metadata-response.ts";
import { parseBrokerAddress, type BrokerAddress, type ClientIo } from "../client-io.ts";
import { ConnectionError } from "../connection.ts";
import { BrokerConnection, type RequestOptions } from "./broker-connection.ts";
import { EMPTY_METADATA, mergeMetadata, type ClusterMetadata } from "./cluster-metadata.ts";

export interface ClientClusterOptions {
  clientId: string;
  /** bootstrap.servers: `host:port` of brokers to ask first. */
  brokers: readonly string[];
  io: ClientIo;
  /** request.timeout.ms (Kafka's default 30000). */
  requestTimeoutMs?: number;
  /** metadata.max.age.ms (Kafka's default 300000). */
  metadataMaxAgeMs?: number;
  /** Requests in flight on one connection at most. */
  maxInFlightPerConnection?: number;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export class ClientCluster {
  readonly clientId: string;
  readonly io: ClientIo;
  readonly requestTimeoutMs: number;
  private readonly bootstrap: BrokerAddress[];
  private readonly metadataMaxAgeMs: number;
  private readonly maxInFlight: number;
  private current: ClusterMetadata = EMPTY_METADATA;
  private refreshedAtMs = -Infinity;
  private readonly connections = new Map<number, BrokerConnection>();
  private bootstrapConnection: BrokerConnection | null = null;
  private closed = false;

  constructor(options: ClientClusterOptions) {
    if (options.brokers.length === 0) {
      throw new ConfigError("bootstrap.servers: at least one broker address is needed");
    }
    this.bootstrap = options.brokers.map((text) => {
      const address = parseBrokerAddress(text);
      if ("error" in address) throw new ConfigError(address.error);
      return address;
    });
    this.clientId = options.clientId;
    this.io = options.io;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.metadataMaxAgeMs = options.metadataMaxAgeMs ?? 300_000;
    this.maxInFlight = options.maxInFlightPerConnection ?? 100;
  }

  get metadata(): ClusterMetadata {
    return this.current;
  }

  /** Whether the metadata is older than metadata.max.age.ms (or was never fetched). */
  get metadataStale(): boolean {
    return this.io.nowMs() - this.refreshedAtMs >= this.metadataMaxAgeMs;
  }

  /**
   * Asks a broker for metadata of `topics` (null: every topic) and merges the answer.
   * With `allowAutoTopicCreation`, a missing topic is created as auto.create.topics.enable allows.
   */
  async refreshMetadata(
    topics: readonly string[] | null,
    options: { allowAutoTopicCreation?: boolean } = {},
  ): Promise<ClusterMetadata> {
    const { response } = await this.requestAny<MetadataResponse>(ApiKey.Metadata, {
      topics: topics?.map((name) => ({ name, topicId: ZERO_UUID })) ?? null,
      allowAutoTopicCreation: options.allowAutoTopicCreation ?? false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
    this.current = mergeMetadata(this.current, response, topics === null);
    this.refreshedAtMs = this.io.nowMs();
    // Brokers that left the cluster: their connections go.
    for (const [nodeId, connection] of this.connections) {
      if (!this.current.brokers.has(nodeId)) {
        connection.close();
        this.connections.delete(nodeId);
      }
    }
    return this.current;
  }

  /** The leader of a partition as last known, or null. */
  leaderFor(topic: string, partition: number): number | null {
    const leader = this.current.topics.get(topic)?.partitions[partition]?.leader;
    return leader === undefined || leader < 0 ? null : leader;
  }

  /** Sends a request to broker `nodeId` (known from metadata). */
  request<Response>(
    nodeId: number,
    apiKey: number,
    body: unknown,
    options: Partial<RequestOptions> = {},
  ): Promise<{ response: Response; version: number }> {
    const connection = this.connectionTo(nodeId);
    if (connection === null) {
      return Promise.reject(new ConnectionError(`broker ${nodeId} is unreachable`));
    }
    return connection.request<Response>(apiKey, body, this.withTimeout(options));
  }

  /** Sends a request to any reachable broker: a connected one first, else a bootstrap server. */
  async requestAny<Response>(
    apiKey: number,
    body: unknown,
    options: Partial<RequestOptions> = {},
  ): Promise<{ response: Response; version: number }> {
    const connection = this.anyConnection();
    return connection.request<Response>(apiKey, body, this.withTimeout(options));
  }

  /** Sends a request to the controller Metadata names (admin requests Kafka routes there). */
  async requestController<Response>(
    apiKey: number,
    body: unknown,
    options: Partial<RequestOptions> = {},
  ): Promise<{ response: Response; version: number }> {
    if (this.current.controllerId < 0 || !this.current.brokers.has(this.current.controllerId)) {
      await this.refreshMetadata([]);
    }
    const controller = this.current.controllerId;
    if (controller < 0) throw new ConnectionError("the cluster names no controller");
    return this.request<Response>(controller, apiKey, body, options);
  }

  /** Resolves after `ms` of node time (retry back-offs). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.io.after(ms, resolve));
  }

  /** Drops the connection to a node (e.g. after it timed out); the next request reopens it. */
  disconnect(nodeId: number): void {
    this.connections.get(nodeId)?.close();
    this.connections.delete(nodeId);
  }

  close(): void {
    this.closed = true;
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
    this.bootstrapConnection?.close();
    this.bootstrapConnection = null;
  }

  private withTimeout(options: Partial<RequestOptions>): RequestOptions {
    return { ...options, timeoutMs: options.timeoutMs ?? this.requestTimeoutMs };
  }

  private connectionTo(nodeId: number): BrokerConnection | null {
    if (this.closed) throw new ConnectionError("the client is closed");
    const existing = this.connections.get(nodeId);
    if (existing !== undefined && !existing.closed) return existing;
    const broker = this.current.brokers.get(nodeId);
    if (broker === undefined) return null;
    const opened = BrokerConnection.open(
      nodeId,
      { host: broker.host, port: broker.port },
      this.io,
      this.clientId,
      this.maxInFlight,
    );
    if (opened === null) return null;
    this.connections.set(nodeId, opened);
    return opened;
  }

  private anyConnection(): BrokerConnection {
    if (this.closed) throw new ConnectionError("the client is closed");
    const open = [...this.connections.values()].filter((connection) => !connection.closed);
    if (open.length > 0) return open.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const known = [...this.current.brokers.keys()];
    for (const nodeId of this.shuffled(known)) {
      const connection = this.connectionTo(nodeId);
      if (connection !== null) return connection;
    }
    if (this.bootstrapConnection !== null && !this.bootstrapConnection.closed) {
      return this.bootstrapConnection;
    }
    for (const address of this.shuffled(this.bootstrap)) {
      const connection = BrokerConnection.open(
        -1,
        address,
        this.io,
        this.clientId,
        this.maxInFlight,
      );
      if (connection !== null) return (this.bootstrapConnection = connection);
    }
    throw new ConnectionError(
      `no broker reachable: tried ${this.bootstrap.map((a) => `${a.host}:${a.port}`).join(", ")}`,
    );
  }

  private shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.io.random() * (index + 1));
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }
}
