/**
 * Seeded bad frames for a broker: random bytes, and mutations of well-formed requests of
 * every API the broker offers (the size prefix, the API key and version, the header's
 * client id and tagged fields, a truncated body, flipped bits, extreme bytes, trailing
 * junk), and well-formed requests carrying hostile values. One seed gives the same frames
 * every run, so a failure can be replayed.
 */
import { encodeRequestFrame } from "../../src/protocol/frames.ts";
import { baseBody } from "./fuzz-base-requests.ts";
import { withHostileValues } from "./hostile-values.ts";
import { seededRandom } from "../../src/runtime/sim/seeded-random.ts";

export type MutationKind =
  | "random-bytes"
  | "random-body"
  | "size-prefix"
  | "api-key"
  | "api-version"
  | "client-id-length"
  | "header-tags"
  | "truncated"
  | "truncated-unframed"
  | "bit-flips"
  | "extreme-bytes"
  | "trailing-bytes"
  | "hostile-values";

export const MUTATION_KINDS: readonly MutationKind[] = [
  "random-bytes",
  "random-body",
  "size-prefix",
  "api-key",
  "api-version",
  "client-id-length",
  "header-tags",
  "truncated",
  "truncated-unframed",
  "bit-flips",
  "extreme-bytes",
  "trailing-bytes",
  "hostile-values",
];

/** Hostile values reach the handlers rather than the parser: they get a larger share. */
const DRAWN_KINDS: readonly MutationKind[] = [
  ...MUTATION_KINDS,
  "hostile-values",
  "hostile-values",
];

export interface SupportedApi {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

export interface FuzzFrame {
  kind: MutationKind;
  /** The API the frame was made from (-1 for random bytes). */
  baseApiKey: number;
  bytes: Uint8Array;
}

export class FrameFuzzer {
  private readonly random: () => number;
  private correlationId = 1;

  constructor(
    seed: number,
    private readonly apis: readonly SupportedApi[],
    /** Stamped on produced records (the only thing in the frames that is not from the seed). */
    private readonly timestampMs: number,
  ) {
    this.random = seededRandom(seed);
  }

  next(): FuzzFrame {
    const kind = this.pick(DRAWN_KINDS);
    if (kind === "random-bytes") return { kind, baseApiKey: -1, bytes: this.randomFrame() };
    const api = this.pick(this.apis);
    if (kind === "hostile-values")
      return { kind, baseApiKey: api.apiKey, bytes: this.hostileFrame(api) };
    const valid = this.validFrame(api, baseBody(api.apiKey, this.timestampMs));
    return { kind, baseApiKey: api.apiKey, bytes: this.mutate(kind, valid, api) };
  }

  /** `body` as a request of `api` at a version the broker supports. */
  validFrame(api: SupportedApi, body: unknown): Uint8Array {
    const version = api.minVersion + this.int(api.maxVersion - api.minVersion + 1);
    const meta = {
      apiKey: api.apiKey,
      apiVersion: version,
      correlationId: this.correlationId++,
      clientId: this.random() < 0.1 ? null : "fuzzer",
    };
    // The frame encoder reuses one writer: copy out before the next frame is made.
    return encodeRequestFrame(meta, body).slice();
  }

  /** A request with hostile values; the encoder refuses some (a value too wide for its field): try again. */
  private hostileFrame(api: SupportedApi): Uint8Array {
    for (let attempt = 0; attempt < 8; attempt++) {
      const body = withHostileValues(
        baseBody(api.apiKey, this.timestampMs),
        this.random,
        0.3,
        this.random() < 0.5,
      );
      try {
        return this.validFrame(api, body);
      } catch {
        // Not encodable at all: draw other values.
      }
    }
    return this.validFrame(api, baseBody(api.apiKey, this.timestampMs));
  }

  private mutate(kind: MutationKind, frame: Uint8Array, api: SupportedApi): Uint8Array {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    switch (kind) {
      case "random-body": {
        // A good header up to the client id (its length is the int16 at byte 12), then junk.
        const headerEnd = 14 + Math.max(0, view.getInt16(12));
        return this.framed(
          frame.subarray(4, Math.min(frame.length, headerEnd)),
          this.bytes(this.int(200)),
        );
      }
      case "size-prefix":
        view.setInt32(
          0,
          this.pick([
            0,
            -1,
            1,
            0x7fffffff,
            104_857_601,
            frame.length - 4 + this.delta(),
            this.int32(),
          ]),
        );
        return frame;
      case "api-key":
        view.setInt16(4, this.pick([-1, 32767, 90 + this.int(1000), this.int16(), api.apiKey + 1]));
        return frame;
      case "api-version":
        view.setInt16(
          6,
          this.pick([-1, api.maxVersion + 1, api.minVersion - 1, 32767, this.int16()]),
        );
        return frame;
      case "client-id-length":
        // The client id's int16 length, right after the correlation id.
        view.setInt16(12, this.pick([-2, -32768, 32767, frame.length, this.int16()]));
        return frame;
      case "header-tags":
        return this.corruptHeaderTags(frame, view);
      case "truncated": {
        const cut = 4 + this.int(frame.length - 4);
        return this.framed(frame.subarray(4, cut));
      }
      case "truncated-unframed":
        return frame.slice(0, 4 + this.int(frame.length - 4));
      case "bit-flips": {
        const flips = 1 + this.int(8);
        for (let i = 0; i < flips; i++) {
          const at = 4 + this.int(frame.length - 4);
          frame[at]! ^= 1 << this.int(8);
        }
        return frame;
      }
      case "extreme-bytes": {
        const count = 1 + this.int(4);
        for (let i = 0; i < count; i++)
          frame[4 + this.int(frame.length - 4)] = this.pick([0x00, 0xff, 0x7f, 0x80]);
        return frame;
      }
      case "trailing-bytes":
        return this.framed(frame.subarray(4), this.bytes(1 + this.int(64)));
      case "random-bytes":
        return this.randomFrame();
      case "hostile-values":
        return this.hostileFrame(api);
    }
  }

  /**
   * Flexible header versions end with a tagged-field count after the client id: make it
   * claim fields that are not there, or a tag with a length past the end.
   */
  private corruptHeaderTags(frame: Uint8Array, view: DataView): Uint8Array {
    const clientIdLength = Math.max(0, view.getInt16(12));
    const at = 14 + clientIdLength;
    if (at >= frame.length) return frame;
    frame[at] = this.pick([0x7f, 0xff, 0x01, 0x05]);
    return frame;
  }

  /** Random bytes, sometimes with a size prefix that matches them. */
  private randomFrame(): Uint8Array {
    const body = this.bytes(this.int(300));
    if (this.random() < 0.3) return this.bytes(this.int(304));
    return this.framed(body);
  }

  /** `parts` joined behind a size prefix that matches them. */
  private framed(...parts: Uint8Array[]): Uint8Array {
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    const frame = new Uint8Array(4 + length);
    new DataView(frame.buffer).setInt32(0, length);
    let at = 4;
    for (const part of parts) {
      frame.set(part, at);
      at += part.length;
    }
    return frame;
  }

  private bytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = this.int(256);
    return out;
  }

  private int(bound: number): number {
    return bound <= 0 ? 0 : Math.floor(this.random() * bound);
  }

  private int16(): number {
    return this.int(65536) - 32768;
  }

  private int32(): number {
    return (this.int(65536) << 16) | this.int(65536);
  }

  private delta(): number {
    const size = 1 + this.int(16);
    return this.random() < 0.5 ? -size : size;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}
