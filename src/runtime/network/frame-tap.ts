/**
 * The packet inspector's capture point. Every endpoint records the frames it SENDS (so
 * each frame is recorded exactly once, where the link's conditions are applied): a small
 * record for the page's live view, and the raw bytes of the last frames in a bounded ring,
 * decoded only when the page asks for one.
 */
import {
  decodeRequest,
  decodeResponse,
  frameBody,
  type RequestMeta,
} from "../../protocol/frames.ts";
import { BoundedRing } from "./bounded-ring.ts";
import type { EndpointId } from "./link-conditions.ts";

export type FrameDirection = "request" | "response";

export interface FrameRecord {
  /** With `from`, finds the frame's bytes again (`FrameTap.decode` on that endpoint). */
  id: number;
  from: EndpointId;
  to: EndpointId;
  /** The listener the connection was made to: "PLAINTEXT" or "CONTROLLER". */
  listener: string;
  direction: FrameDirection;
  /** -1 when not known (a malformed frame, or a response whose request was not seen). */
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  /** Size on the wire, the 4-byte length included. */
  bytes: number;
  /** Node time when the frame was sent. */
  atMs: number;
  /** Node time the frame spends on the link: latency plus retransmission timeouts. */
  delayMs: number;
  /** How many times it was lost and sent again. */
  retransmissions: number;
  /** Dropped when sent: the link was cut, or the connection had stalled on an earlier cut. */
  dropped: boolean;
}

export type FrameFacts = Omit<FrameRecord, "id">;

export type DecodedFrame =
  | {
      ok: true;
      record: FrameRecord;
      header: RequestMeta | { correlationId: number };
      body: unknown;
    }
  | { ok: false; record: FrameRecord; error: string };

interface Captured {
  record: FrameRecord;
  /** Null once evicted to keep the ring within its byte budget. */
  frame: Uint8Array | null;
}

export interface FrameTapOptions {
  /** How many frames' bytes to keep. */
  capacity?: number;
  /** At most this many bytes of frames kept; the oldest are evicted first. */
  maxBytes?: number;
  /** Records waiting for `takeRecords` (the shell posts them about once per frame). */
  maxPendingRecords?: number;
}

export class FrameTap {
  private readonly captured: BoundedRing<Captured>;
  private readonly pending: BoundedRing<FrameRecord>;
  private readonly maxBytes: number;
  private bytesHeld = 0;
  /** How many frames were ever recorded: the next record's id. */
  private recorded = 0;
  /** The oldest capture that may still hold bytes. */
  private evictFrom = 0;
  enabled: boolean;
  /** Told after each record, e.g. so the shell can post records soon. */
  onRecord: () => void = () => {};

  constructor(options: FrameTapOptions & { enabled?: boolean } = {}) {
    this.captured = new BoundedRing(options.capacity ?? 512);
    this.pending = new BoundedRing(options.maxPendingRecords ?? 10_000);
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
    this.enabled = options.enabled ?? false;
  }

  /** Records one frame about to be sent; copies its bytes (the send may transfer them). */
  record(facts: FrameFacts, frame: Uint8Array): void {
    if (!this.enabled) return;
    const capacity = this.captured.capacity;
    if (this.captured.size === capacity) this.forget(this.captured.get(this.recorded - capacity));
    const keep = frame.length <= this.maxBytes;
    const record: FrameRecord = { id: this.recorded, ...facts };
    // The ring numbers items from 0 like `recorded`, so a record's id is its ring number.
    this.captured.push({ record, frame: keep ? frame.slice() : null });
    this.recorded++;
    if (keep) this.bytesHeld += frame.length;
    this.pending.push(record);
    this.onRecord();
    while (this.bytesHeld > this.maxBytes) {
      this.forget(this.captured.get(this.evictFrom));
      this.evictFrom++;
    }
  }

  /** Records since the last call, oldest first, and how many were dropped unread. */
  takeRecords(): { records: FrameRecord[]; dropped: number } {
    const { items, dropped } = this.pending.drain();
    return { records: items, dropped };
  }

  /** Decodes one recorded frame, or null when its bytes are no longer kept. */
  decode(id: number): DecodedFrame | null {
    const captured = this.captured.get(id);
    if (captured === undefined || captured.frame === null) return null;
    const { record, frame } = captured;
    const body = frameBody(frame);
    if (!body.ok) return { ok: false, record, error: body.error.message };
    if (record.direction === "request") {
      const decoded = decodeRequest(body.value);
      if (!decoded.ok) return { ok: false, record, error: decoded.failure.error.message };
      return { ok: true, record, header: decoded.value.meta, body: decoded.value.body };
    }
    if (record.apiKey < 0)
      return { ok: false, record, error: "a response whose request was not seen" };
    const decoded = decodeResponse(body.value, record.apiKey, record.apiVersion);
    if (!decoded.ok) return { ok: false, record, error: decoded.error.message };
    return {
      ok: true,
      record,
      header: { correlationId: decoded.value.correlationId },
      body: decoded.value.body,
    };
  }

  /** Bytes of frames currently kept. */
  get heldBytes(): number {
    return this.bytesHeld;
  }

  private forget(captured: Captured | undefined): void {
    if (captured?.frame == null) return;
    this.bytesHeld -= captured.frame.length;
    captured.frame = null;
  }
}
