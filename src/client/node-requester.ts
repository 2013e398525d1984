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

/** Opens a connection to another node's listener; the shell's network provides it. */
export type Dialer = (nodeId: number, listener: ListenerName) => Transport | null;
