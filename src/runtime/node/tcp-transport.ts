/**
 * A Kafka connection over a TCP socket: whole frames out, whole frames in, split by their
 * 4-byte size. Bounded both ways:
 * - in: at most one partial frame is buffered, and a size over socket.request.max.bytes
 *   closes the connection (Kafka's InvalidReceiveException);
 * - out: a connection whose unsent bytes pass a limit is closed, and a server connection
 *   stops reading requests while its responses wait to be sent (as Kafka mutes a channel
 *   until its response is out), so a client that never reads cannot grow memory.
 * Client connections always read, so two nodes pushing big frames at each other cannot
 * deadlock.
 */
import { connect, type Socket } from "node:net";
import type { Transport } from "../../client/transport.ts";
import { FrameSplitter } from "../../protocol/frame-splitter.ts";
import { DEFAULT_MAX_FRAME_BYTES } from "../../protocol/frames.ts";

/** Kafka's socket.connection.setup.timeout.ms default. */
export const CONNECTION_SETUP_TIMEOUT_MS = 10_000;
/** How long a closed connection may take to flush its last frames before it is cut. */
const CLOSE_FLUSH_TIMEOUT_MS = 5_000;

export interface TcpTransportOptions {
  /** socket.request.max.bytes: the largest frame accepted. */
  maxFrameBytes?: number;
  /** Unsent bytes allowed before the connection is closed (default: maxFrameBytes). */
  maxUnsentBytes?: number;
  /** Stop reading while responses back up (server side only, see the header). */
  pauseReadingWhileBacklogged?: boolean;
  /** Sees an exception thrown by a frame listener; the connection is closed after it. */
  onListenerError?: (error: unknown) => void;
  /** Told once when the connection ends, whoever closed it (for bookkeeping by the owner). */
  onClosed?: (reason: string) => void;
}

export class TcpTransport implements Transport {
  private frameListener: ((frame: Uint8Array) => void) | null = null;
  private closeListener: (reason: string) => void = () => {};
  private readonly splitter: FrameSplitter;
  private readonly maxUnsentBytes: number;
  private closedReason: string | null = null;
  private failure: string | null = null;
  private pausedForBacklog = false;
  /** Whole frames read but not yet handed over: at most one socket chunk's worth. */
  private readonly held: Uint8Array[] = [];

  constructor(
    private readonly socket: Socket,
    private readonly options: TcpTransportOptions = {},
  ) {
    const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.splitter = new FrameSplitter(maxFrameBytes);
    this.maxUnsentBytes = options.maxUnsentBytes ?? maxFrameBytes;
    socket.setNoDelay(true);
    socket.on("error", (error: NodeJS.ErrnoException) => {
      this.failure ??=
        error.code === undefined ? error.message : `${error.code} (${error.message})`;
    });
    socket.on("close", () => this.finish(this.failure ?? "closed by the peer"));
    socket.on("drain", () => {
      if (!this.pausedForBacklog) return;
      this.pausedForBacklog = false;
      if (this.frameListener === null || this.closedReason !== null) return;
      this.deliverHeld();
      if (!this.pausedForBacklog) socket.resume();
    });
  }

  /**
   * Connect to host:port. The transport is usable at once: frames sent before the socket
   * connects wait in its buffer; a failed or timed-out connect is reported through onClose.
   */
  static connect(
    host: string,
    port: number,
    options: TcpTransportOptions & { setupTimeoutMs?: number } = {},
  ): TcpTransport {
    const socket = connect({ host, port });
    const transport = new TcpTransport(socket, options);
    socket.setTimeout(options.setupTimeoutMs ?? CONNECTION_SETUP_TIMEOUT_MS, () => {
      transport.failure ??= `connection to ${host}:${port} timed out`;
      socket.destroy();
    });
    socket.once("connect", () => socket.setTimeout(0));
    return transport;
  }

  get closed(): boolean {
    return this.closedReason !== null;
  }

  send(frame: Uint8Array): void {
    if (this.closedReason !== null) return;
    if (this.socket.writableLength > this.maxUnsentBytes) {
      this.close(`more than ${this.maxUnsentBytes} bytes wait to be sent`);
      return;
    }
    const belowHighWater = this.socket.write(frame);
    if (
      !belowHighWater &&
      this.options.pauseReadingWhileBacklogged === true &&
      !this.pausedForBacklog
    ) {
      this.pausedForBacklog = true;
      this.socket.pause();
    }
  }

  /** Starts reading: bytes wait in the socket until someone listens for frames. */
  onFrame(listener: (frame: Uint8Array) => void): void {
    const first = this.frameListener === null;
    this.frameListener = listener;
    if (first) this.socket.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListener = listener;
  }

  /** Hang up: frames already sent still go out, then the socket closes. */
  close(reason = "closed"): void {
    if (this.closedReason !== null) return;
    this.socket.pause();
    this.socket.end();
    setTimeout(() => this.socket.destroy(), CLOSE_FLUSH_TIMEOUT_MS).unref();
    this.finish(reason);
  }

  private receive(chunk: Buffer): void {
    if (this.closedReason !== null) return;
    try {
      this.held.push(
        ...this.splitter.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
      );
    } catch (error) {
      this.socket.destroy();
      this.finish(error instanceof Error ? error.message : String(error));
      return;
    }
    this.deliverHeld();
  }

  /** Hand over whole frames, stopping while paused for a backlog (the rest wait for the drain). */
  private deliverHeld(): void {
    while (this.held.length > 0 && !this.pausedForBacklog && this.closedReason === null) {
      const frame = this.held.shift()!;
      try {
        this.frameListener!(frame);
      } catch (error) {
        this.options.onListenerError?.(error);
        this.close(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private finish(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    this.options.onClosed?.(reason);
    this.closeListener(reason);
  }
}
