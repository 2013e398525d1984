/**
 * One client connection to one broker: numbers requests with correlation ids, sends their
 * frames, and pairs each response with its request, decoding it with the version asked.
 * Requests in flight are bounded; a closed connection fails every pending request.
 */
import {
  decodeResponse,
  encodeRequestFrame,
  frameBody,
  peekCorrelationId,
} from "../protocol/frames.ts";
import type { Transport } from "./transport.ts";

export class ConnectionError extends Error {
  override readonly name = "ConnectionError";
}

interface Pending {
  apiKey: number;
  apiVersion: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface ExchangeObserver {
  /** Sees each frame as it leaves and arrives, e.g. for the packet inspector. */
  (direction: "request" | "response", frame: Uint8Array): void;
}

export class Connection {
  private nextCorrelationId = 0;
  private readonly pending = new Map<number, Pending>();
  private closedReason: string | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly clientId: string,
    private readonly maxInFlight = 100,
    private readonly observe?: ExchangeObserver,
  ) {
    transport.onFrame((frame) => this.receive(frame));
    transport.onClose((reason) => this.fail(reason));
  }

  /** Send a request and resolve with the decoded response body. */
  request<Response>(apiKey: number, apiVersion: number, body: unknown): Promise<Response> {
    if (this.closedReason !== null) {
      return Promise.reject(new ConnectionError(`connection closed: ${this.closedReason}`));
    }
    if (this.pending.size >= this.maxInFlight) {
      return Promise.reject(
        new ConnectionError(`more than ${this.maxInFlight} requests in flight`),
      );
    }
    const correlationId = this.nextCorrelationId;
    this.nextCorrelationId = (this.nextCorrelationId + 1) | 0;
    const frame = encodeRequestFrame(
      { apiKey, apiVersion, correlationId, clientId: this.clientId },
      body,
    );
    return new Promise<Response>((resolve, reject) => {
      this.pending.set(correlationId, {
        apiKey,
        apiVersion,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.observe?.("request", frame);
      this.transport.send(frame);
    });
  }

  /** True once either side hung up; a closed connection stays closed. */
  get closed(): boolean {
    return this.closedReason !== null;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  close(): void {
    this.transport.close();
    this.fail("closed by the client");
  }

  private receive(frame: Uint8Array): void {
    this.observe?.("response", frame);
    const body = frameBody(frame);
    const correlationId = body.ok ? peekCorrelationId(body.value) : null;
    const pending = correlationId === null ? undefined : this.pending.get(correlationId);
    if (!body.ok || correlationId === null || pending === undefined) {
      // Kafka clients treat an unmatched response as a broken connection.
      this.transport.close();
      this.fail(`unexpected response (correlation id ${correlationId})`);
      return;
    }
    this.pending.delete(correlationId);
    const decoded = decodeResponse(body.value, pending.apiKey, pending.apiVersion);
    if (decoded.ok) pending.resolve(decoded.value.body);
    else pending.reject(new ConnectionError(`malformed response: ${decoded.error.message}`));
  }

  private fail(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    for (const pending of this.pending.values()) {
      pending.reject(new ConnectionError(`connection closed: ${reason}`));
    }
    this.pending.clear();
  }
}
