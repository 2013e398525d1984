/**
 * One end of a connection, with its OUTBOUND direction subject to the link's conditions
 * (each side applies its own direction, in its own worker). Behaves like a TCP stream:
 * - latency delays frames but never reorders them;
 * - a lost frame is retransmitted after an RTO, so loss shows as delay (transmission.ts),
 *   and a frame lost every time breaks the connection, as TCP gives up;
 * - a cut link drops the frame, and the stream stalls from there on (TCP never delivers a
 *   later byte without an earlier one): the peer's request timeouts notice and reconnect.
 * A hang-up is passed on after the frames sent before it, even across a cut, so neither
 * side keeps a dead connection forever.
 */
import type { Transport } from "../../client/transport.ts";
import {
  peekRequestHeader,
  peekResponseCorrelationId,
  type RequestHeaderPeek,
} from "../../protocol/frame-peek.ts";
import type { FrameTap } from "./frame-tap.ts";
import type { EndpointId, LinkTable } from "./link-conditions.ts";
import type { Scheduler } from "./scheduler.ts";
import { planTransmission } from "./transmission.ts";

/** Whether this end opened the connection (sends requests) or accepted it (sends responses). */
export type ConnectionRole = "client" | "server";

export interface ConnectionEnds {
  self: EndpointId;
  peer: EndpointId;
  listener: string;
  role: ConnectionRole;
}

export interface LinkContext {
  scheduler: Scheduler;
  random: () => number;
  links: LinkTable;
  tap: FrameTap;
}

/** Frames this end may have waiting on the link before the connection is broken off. */
export const MAX_FRAMES_ON_LINK = 10_000;
/** Requests seen without a response yet, remembered to label responses in the tap. */
const MAX_REQUESTS_REMEMBERED = 1_000;

export class ConditionedTransport implements Transport {
  private frameListener: (frame: Uint8Array) => void = () => {};
  private closeListener: (reason: string) => void = () => {};
  /** Frames scheduled for delivery and not yet delivered. */
  private onLink = 0;
  /** Delivery time of the last frame scheduled: later frames never arrive earlier. */
  private lastDueMs = -Infinity;
  private stalled = false;
  /** This end is done: nothing more is sent or received. */
  private closed = false;
  /** The connection underneath is closed (by either side): nothing more goes through it. */
  private innerClosed = false;
  private closeReported = false;
  private readonly requestsSeen = new Map<number, RequestHeaderPeek>();

  constructor(
    private readonly inner: Transport,
    readonly ends: ConnectionEnds,
    private readonly context: LinkContext,
    /** Told once when the connection closes, before the owner's listener (bookkeeping). */
    private readonly whenClosed: () => void = () => {},
  ) {
    inner.onFrame((frame) => this.receive(frame));
    inner.onClose((reason) => {
      this.innerClosed = true;
      this.closed = true;
      this.reportClose(reason);
    });
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    const { scheduler, links, random } = this.context;
    const nowMs = scheduler.nowMs();
    const conditions = links.get(this.ends.self, this.ends.peer);
    if (conditions.cut) this.stalled = true;
    const plan = this.stalled ? null : planTransmission(conditions, random);
    this.capture(frame, nowMs, plan?.delayMs ?? 0, plan?.retransmissions ?? 0, plan === null);
    if (plan === null) return;
    if (plan.gaveUp) {
      this.stalled = true;
      scheduler.after(plan.delayMs, () =>
        this.reset("connection timed out: too many retransmissions"),
      );
      return;
    }
    const dueMs = Math.max(nowMs + plan.delayMs, this.lastDueMs);
    this.lastDueMs = dueMs;
    if (dueMs <= nowMs && this.onLink === 0) {
      this.inner.send(frame);
      return;
    }
    if (this.onLink >= MAX_FRAMES_ON_LINK) {
      this.reset(`more than ${MAX_FRAMES_ON_LINK} frames waiting on the link`);
      return;
    }
    this.onLink++;
    scheduler.after(dueMs - nowMs, () => this.deliver(frame));
  }

  onFrame(listener: (frame: Uint8Array) => void): void {
    this.frameListener = listener;
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListener = listener;
  }

  /** Hang up; the hang-up follows the frames still on the link. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.reportClose("closed");
    if (this.onLink === 0) this.closeInner();
  }

  /** Break the connection now, dropping what is still on the link (a reset, a dead peer). */
  reset(reason: string): void {
    this.closed = true;
    this.reportClose(reason);
    this.closeInner();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private deliver(frame: Uint8Array): void {
    if (this.innerClosed) return;
    this.onLink--;
    if (this.stalled || this.context.links.get(this.ends.self, this.ends.peer).cut)
      this.stalled = true;
    else this.inner.send(frame);
    if (this.closed && this.onLink === 0) this.closeInner();
  }

  private closeInner(): void {
    if (this.innerClosed) return;
    this.innerClosed = true;
    this.inner.close();
  }

  private receive(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.ends.role === "server") this.rememberRequest(frame);
    this.frameListener(frame);
  }

  private rememberRequest(frame: Uint8Array): void {
    const header = peekRequestHeader(frame);
    if (header === null) return;
    if (this.requestsSeen.size >= MAX_REQUESTS_REMEMBERED) {
      this.requestsSeen.delete(this.requestsSeen.keys().next().value!);
    }
    this.requestsSeen.set(header.correlationId, header);
  }

  /** The header fields of an outgoing frame: peeked from a request, remembered for a response. */
  private headerOf(frame: Uint8Array): RequestHeaderPeek | null {
    if (this.ends.role === "client")
      return this.context.tap.enabled ? peekRequestHeader(frame) : null;
    const correlationId = peekResponseCorrelationId(frame);
    if (correlationId === null) return null;
    const request = this.requestsSeen.get(correlationId);
    this.requestsSeen.delete(correlationId);
    return request ?? { apiKey: -1, apiVersion: -1, correlationId };
  }

  private capture(
    frame: Uint8Array,
    atMs: number,
    delayMs: number,
    retransmissions: number,
    dropped: boolean,
  ): void {
    const header = this.headerOf(frame);
    const { tap } = this.context;
    if (!tap.enabled) return;
    tap.record(
      {
        from: this.ends.self,
        to: this.ends.peer,
        listener: this.ends.listener,
        direction: this.ends.role === "client" ? "request" : "response",
        apiKey: header?.apiKey ?? -1,
        apiVersion: header?.apiVersion ?? -1,
        correlationId: header?.correlationId ?? -1,
        bytes: frame.length,
        atMs,
        delayMs,
        retransmissions,
        dropped,
      },
      frame,
    );
  }

  private reportClose(reason: string): void {
    if (this.closeReported) return;
    this.closeReported = true;
    this.whenClosed();
    this.closeListener(reason);
  }
}
