/**
 * Requests this node sends to other quorum members (Kafka's RequestManager): at most one
 * request of each kind in flight to each node, and a short backoff before resending one
 * that failed. Answers come back as results, never as thrown errors, so a dead peer is a
 * value to handle, not a crash.
 */
import { CONTROLLER_LISTENER, type NodeRequester } from "../../client/node-requester.ts";
import { RETRY_BACKOFF_MS } from "./raft-config.ts";

export type PeerResult<Response> = { ok: true; response: Response } | { ok: false; error: Error };

interface Slot {
  inFlight: boolean;
  readyAtMs: number;
}

export class PeerRequests {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly requester: NodeRequester,
    private readonly requestTimeoutMs: number,
  ) {}

  private slot(nodeId: number, apiKey: number): Slot {
    const key = `${nodeId}/${apiKey}`;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = { inFlight: false, readyAtMs: 0 };
      this.slots.set(key, slot);
    }
    return slot;
  }

  isReady(nodeId: number, apiKey: number, nowMs: number): boolean {
    const slot = this.slot(nodeId, apiKey);
    return !slot.inFlight && nowMs >= slot.readyAtMs;
  }

  isInFlight(nodeId: number, apiKey: number): boolean {
    return this.slot(nodeId, apiKey).inFlight;
  }

  /** Do not send this kind to `nodeId` again before the retry backoff has passed. */
  backOff(nodeId: number, apiKey: number, nowMs: number): void {
    this.slot(nodeId, apiKey).readyAtMs = nowMs + RETRY_BACKOFF_MS;
  }

  /** Send on the CONTROLLER listener; the slot is free again once the result is out. */
  send<Response>(
    nodeId: number,
    apiKey: number,
    apiVersion: number,
    body: unknown,
  ): Promise<PeerResult<Response>> {
    const slot = this.slot(nodeId, apiKey);
    slot.inFlight = true;
    const release = (): void => {
      slot.inFlight = false;
    };
    let sent: Promise<Response>;
    try {
      sent = this.requester.request<Response>(
        nodeId,
        CONTROLLER_LISTENER,
        apiKey,
        apiVersion,
        body,
        { timeoutMs: this.requestTimeoutMs },
      );
    } catch (error) {
      sent = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return sent.then(
      (response) => {
        release();
        return { ok: true as const, response };
      },
      (error: unknown) => {
        release();
        return {
          ok: false as const,
          error: error instanceof Error ? error : new Error(String(error)),
        };
      },
    );
  }
}
