/**
 * How nodes talk to each other: "send this request to node N's listener". Followers fetch
 * from leaders, Raft voters vote, brokers heartbeat to the controller — all as ordinary
 * Kafka requests through this one port, so the packet inspector sees every one of them.
 */
import type { Transport } from "./transport.ts";

/** Kafka's default listener names: clients and replication, and the KRaft quorum. */
export const BROKER_LISTENER = "PLAINTEXT";
export const CONTROLLER_LISTENER = "CONTROLLER";
export type ListenerName = typeof BROKER_LISTENER | typeof CONTROLLER_LISTENER;

export interface NodeRequestOptions {
  /** Fail with RequestTimeoutError if no answer within this long (Kafka's request.timeout.ms). */
  timeoutMs: number;
}

export interface NodeRequester {
  /**
   * Send one request to `nodeId`'s `listener` and resolve with the decoded response body.
   * Rejects with ConnectionError when the node cannot be reached or hangs up, and with
   * RequestTimeoutError after `timeoutMs`.
   */
  request<Response>(
    nodeId: number,
    listener: ListenerName,
    apiKey: number,
    apiVersion: number,
    body: unknown,
    options: NodeRequestOptions,
  ): Promise<Response>;
}

/** Where a node listens, as the core knows it (controller.quorum.voters, RegisterBrokerRecord). */
export interface DialTarget {
  nodeId: number;
  listener: ListenerName;
  host: string;
  port: number;
}

/**
 * Opens a connection to another node's listener; the shell's network provides it. The
 * browser and simulator route by node id; the Node shell connects to host:port. Returns
 * null when the node cannot be reached at all (e.g. a cut link, nobody listening).
 */
export type Dialer = (target: DialTarget) => Transport | null;
