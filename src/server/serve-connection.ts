/**
 * Serves one connection: requests are handled one at a time, in arrival order, and each
 * response is sent before the next request starts — Kafka mutes a channel while a request
 * is in flight, which is what keeps responses in order even when a Produce waits in
 * purgatory. Frames that arrive meanwhile queue up, bounded like Kafka's
 * queued.max.requests.
 */
import type { Transport } from "../client/transport.ts";
import type { HandlerRegistry } from "./handler-registry.ts";
import { dispatchRequest } from "./request-dispatcher.ts";
import { peekRequestHeader, type RequestHeaderPeek } from "../protocol/frame-peek.ts";

export interface ServeOptions {
  /** Hang up if a client queues more requests than this (Kafka's queued.max.requests is 500). */
  maxQueuedRequests?: number;
  /** Sees every request frame in and response frame out, with the request's header fields (telemetry). */
  observe?(direction: "in" | "out", frame: Uint8Array, request: RequestHeaderPeek | null): void;
  /**
   * Whether `observe` wants frames right now (default: always). Asked once per request, so
   * a node nobody is watching does not peek at every header only to throw it away.
   */
  observing?(): boolean;
  onError?(error: unknown): void;
}

export function serveConnection<Services>(
  transport: Transport,
  registry: HandlerRegistry<Services>,
  services: Services,
  options: ServeOptions = {},
): void {
  const maxQueued = options.maxQueuedRequests ?? 500;
  const queue: Uint8Array[] = [];
  let busy = false;
  let closed = false;

  transport.onClose(() => {
    closed = true;
    queue.length = 0;
  });
  transport.onFrame((frame) => {
    if (closed) return;
    if (queue.length >= maxQueued) {
      closed = true;
      transport.close();
      return;
    }
    queue.push(frame);
    if (!busy) void drain();
  });

  async function drain(): Promise<void> {
    busy = true;
    while (queue.length > 0 && !closed) {
      const frame = queue.shift()!;
      const observe =
        options.observe !== undefined && (options.observing?.() ?? true)
          ? options.observe
          : undefined;
      const header = observe === undefined ? null : peekRequestHeader(frame);
      observe?.("in", frame, header);
      let result;
      try {
        result = await dispatchRequest(registry, frame, services);
      } catch (error) {
        // A handler bug must not take the node down: drop this connection, as Kafka would.
        options.onError?.(error);
        result = { kind: "disconnect" as const, reason: "internal error" };
      }
      if (closed) break;
      if (result.kind === "respond") {
        observe?.("out", result.frame, header);
        transport.send(result.frame);
      } else if (result.kind === "disconnect") {
        closed = true;
        transport.close();
      }
    }
    busy = false;
  }
}
