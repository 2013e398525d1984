/**
 * Sends fuzzed frames to one broker on raw connections from the page and sorts what each
 * got back. Each bad frame is followed by a well-formed ApiVersions "sentinel" on the same
 * connection: the broker answers in order, so a sentinel answered first means the bad frame
 * was taken without an answer (Produce with acks=0), and a connection that closes took the
 * bad frame as unparseable. Several lanes run side by side; a lane whose connection closes
 * dials a new one.
 */
import type { Transport } from "../../src/client/transport.ts";
import {
  decodeRequest,
  decodeResponse,
  encodeRequestFrame,
  frameBody,
  peekCorrelationId,
} from "../../src/protocol/frames.ts";
import { FrameFuzzer, type FuzzFrame, type SupportedApi } from "./frame-fuzzer.ts";

const API_VERSIONS = 18;
const SENTINEL_VERSION = 3;

export type FrameOutcome =
  /** A response carrying a non-zero error code. */
  | "error-response"
  /** A response without any error: the mutation left a request the broker could serve. */
  | "ok-response"
  /** The broker closed the connection, as Kafka does with a request it cannot parse. */
  | "closed"
  /** Taken without an answer: only a well-formed Produce with acks=0 may do this. */
  | "silent"
  /** Still unanswered at the deadline: only a well-formed request the broker may hold (a Fetch waiting for data). */
  | "parked";

export interface FuzzOptions {
  seed: number;
  frames: number;
  lanes: number;
  /** How long one frame may go unanswered before it counts as parked. */
  frameTimeoutMs: number;
}

export interface FuzzReport {
  framesSent: number;
  outcomes: Record<FrameOutcome, number>;
  byKind: Record<string, Partial<Record<FrameOutcome, number>>>;
  apiKeys: number[];
  connectionsOpened: number;
  /** Frames our codec cannot decode as a valid request that were answered without an error, or not at all. */
  unanswered: { kind: string; apiKey: number; outcome: FrameOutcome; hex: string }[];
  /** The API keys of frames the broker held until the deadline (valid requests allowed to wait). */
  parkedApiKeys: Record<number, number>;
  /** Answers whose correlation id differs from the request's. */
  correlationMismatches: number;
  elapsedMs: number;
}

/** One raw connection: frames and the hang-up queue up until read. */
class RawConnection {
  private readonly frames: Uint8Array[] = [];
  private closedReason: string | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly transport: Transport) {
    transport.onFrame((frame) => {
      this.frames.push(frame);
      this.wake?.();
    });
    transport.onClose((reason) => {
      this.closedReason = reason;
      this.wake?.();
    });
  }

  get closed(): boolean {
    return this.closedReason !== null;
  }

  send(frame: Uint8Array): void {
    // The transport transfers the buffer: send a copy, the caller keeps its own.
    this.transport.send(frame.slice());
  }

  close(): void {
    this.transport.close();
  }

  /** The next frame, "closed" once the broker hung up, or "timeout" at the deadline. */
  async next(deadline: number): Promise<Uint8Array | "closed" | "timeout"> {
    for (;;) {
      const frame = this.frames.shift();
      if (frame !== undefined) return frame;
      if (this.closedReason !== null) return "closed";
      const left = deadline - performance.now();
      if (left <= 0) return "timeout";
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}

/** Whether any `errorCode` field anywhere in a decoded response is non-zero. */
function carriesError(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(carriesError);
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return false;
  for (const [key, field] of Object.entries(value)) {
    if (key === "errorCode" && typeof field === "number" && field !== 0) return true;
    if (carriesError(field)) return true;
  }
  return false;
}

/** How the broker answered `request` with `response` (both whole frames). */
function classifyAnswer(
  request: Uint8Array,
  response: Uint8Array,
): "error-response" | "ok-response" {
  const body = frameBody(response);
  if (!body.ok) return "error-response";
  const requestBody = frameBody(request);
  const decoded = requestBody.ok ? decodeRequest(requestBody.value) : null;
  const meta = decoded === null ? null : decoded.ok ? decoded.value.meta : decoded.failure.meta;
  if (meta === null) return "error-response";
  // An ApiVersions the broker cannot read is answered at v0 with UNSUPPORTED_VERSION.
  const version = decoded?.ok === true ? meta.apiVersion : 0;
  const answer = decodeResponse(body.value, meta.apiKey, version);
  if (!answer.ok) return "error-response";
  return carriesError(answer.value.body) ? "error-response" : "ok-response";
}

function decodesAsValidRequest(frame: Uint8Array): boolean {
  const body = frameBody(frame);
  return body.ok && decodeRequest(body.value).ok;
}

function requestCorrelationId(frame: Uint8Array): number | null {
  const body = frameBody(frame);
  if (!body.ok || body.value.length < 8) return null;
  return new DataView(body.value.buffer, body.value.byteOffset + 4, 4).getInt32(0);
}

function requestApiKey(frame: Uint8Array): number {
  const body = frameBody(frame);
  return body.ok && body.value.length >= 2
    ? new DataView(body.value.buffer, body.value.byteOffset, 2).getInt16(0)
    : -1;
}

function responseCorrelationId(frame: Uint8Array): number | null {
  const body = frameBody(frame);
  return body.ok ? peekCorrelationId(body.value) : null;
}

function hex(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 96)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function runFuzz(
  dial: () => Transport | null,
  apis: readonly SupportedApi[],
  options: FuzzOptions,
): Promise<FuzzReport> {
  const fuzzer = new FrameFuzzer(options.seed, apis, Date.now());
  const report: FuzzReport = {
    framesSent: 0,
    outcomes: { "error-response": 0, "ok-response": 0, closed: 0, silent: 0, parked: 0 },
    byKind: {},
    apiKeys: [...new Set(apis.map((api) => api.apiKey))].sort((a, b) => a - b),
    connectionsOpened: 0,
    unanswered: [],
    parkedApiKeys: {},
    correlationMismatches: 0,
    elapsedMs: 0,
  };
  const started = performance.now();
  // Frames are made in one order from the seed, whatever order the lanes take them in.
  const frames: FuzzFrame[] = Array.from({ length: options.frames }, () => fuzzer.next());
  let nextFrame = 0;
  let sentinelId = 2_000_000_000;

  const open = (): RawConnection => {
    const transport = dial();
    if (transport === null) throw new Error("the broker refused a new connection");
    report.connectionsOpened++;
    return new RawConnection(transport);
  };

  const lane = async (): Promise<void> => {
    let connection = open();
    for (;;) {
      const index = nextFrame++;
      if (index >= frames.length) break;
      const frame = frames[index]!;
      if (connection.closed) connection = open();
      const correlationId = requestCorrelationId(frame.bytes);
      let sentinel = sentinelId++;
      if (sentinel === correlationId) sentinel = sentinelId++;
      connection.send(frame.bytes);
      connection.send(
        encodeRequestFrame(
          {
            apiKey: API_VERSIONS,
            apiVersion: SENTINEL_VERSION,
            correlationId: sentinel,
            clientId: "sentinel",
          },
          { clientSoftwareName: "fuzzer", clientSoftwareVersion: "1" },
        ),
      );
      report.framesSent++;
      const deadline = performance.now() + options.frameTimeoutMs;
      const first = await connection.next(deadline);
      let outcome: FrameOutcome;
      if (first === "closed") outcome = "closed";
      else if (first === "timeout") outcome = "parked";
      else if (responseCorrelationId(first) === sentinel) outcome = "silent";
      else {
        outcome = classifyAnswer(frame.bytes, first);
        if (correlationId !== null && responseCorrelationId(first) !== correlationId)
          report.correlationMismatches++;
        // Keep the lane in step: the sentinel's answer comes next.
        const second = await connection.next(deadline);
        if (second === "timeout") connection.close();
      }
      if (outcome === "parked") {
        connection.close();
        const apiKey = requestApiKey(frame.bytes);
        report.parkedApiKeys[apiKey] = (report.parkedApiKeys[apiKey] ?? 0) + 1;
      }
      report.outcomes[outcome]++;
      const kind = (report.byKind[frame.kind] ??= {});
      kind[outcome] = (kind[outcome] ?? 0) + 1;
      const mustFail = !decodesAsValidRequest(frame.bytes);
      if (mustFail && outcome !== "error-response" && outcome !== "closed") {
        report.unanswered.push({
          kind: frame.kind,
          apiKey: frame.baseApiKey,
          outcome,
          hex: hex(frame.bytes),
        });
      }
    }
    connection.close();
  };

  await Promise.all(Array.from({ length: options.lanes }, () => lane()));
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}
