/**
 * Length and count fields set to 2^31 or 2^32 in otherwise well-formed messages: each is
 * refused at once, without allocating for what it claims, and the request still yields its
 * header so the broker knows whom to disconnect.
 */
import { describe, expect, it } from "vitest";
import { decodeRequest } from "../frames.ts";
import { APIS, ApiKey } from "../generated/api-table.ts";
import { ALL_MESSAGES } from "../generated/all-messages.ts";
import { decodeMessage } from "../message-codec.ts";
import { Writer } from "../primitives/writer.ts";

const MEBIBYTE = 1 << 20;

/** Run `decode`, returning what it returned, how long it took and how much memory it grew. */
function measure<T>(decode: () => T): { result: T; elapsedMs: number; grownBytes: number } {
  const before = process.memoryUsage();
  const started = performance.now();
  const result = decode();
  const elapsedMs = performance.now() - started;
  const after = process.memoryUsage();
  const grownBytes = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  return { result, elapsedMs, grownBytes };
}

function body(write: (w: Writer) => void): Uint8Array {
  const w = new Writer();
  write(w);
  return w.finish();
}

const HOSTILE_MESSAGES: [string, string, number, Uint8Array][] = [
  [
    "a 2^31-1 element array (classic int32 count)",
    "MetadataResponse",
    0,
    body((w) => w.int32(0x7fffffff).int32(0)),
  ],
  [
    "a 2^32-2 element compact array",
    "MetadataResponse",
    12,
    body((w) =>
      w
        .int32(0)
        .raw(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f))
        .int32(0),
    ),
  ],
  [
    "a 32767-byte string",
    "JoinGroupRequest",
    0,
    body((w) => w.int16(0x7fff).raw(Uint8Array.of(0x61, 0x62, 0x63))),
  ],
  [
    "a 2^31-2 byte compact string",
    "ApiVersionsRequest",
    3,
    body((w) => w.raw(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x07)).raw(Uint8Array.of(0x61))),
  ],
  [
    "a 2^31-1 byte bytes field",
    "SyncGroupResponse",
    0,
    body((w) => w.int16(0).int32(0x7fffffff).int32(0)),
  ],
  [
    "2^32-1 tagged fields",
    "HeartbeatResponse",
    4,
    body((w) =>
      w
        .int32(0)
        .int16(0)
        .raw(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f)),
    ),
  ],
  [
    "a tagged field of 2^31-1 bytes",
    "HeartbeatResponse",
    4,
    body((w) =>
      w
        .int32(0)
        .int16(0)
        .raw(Uint8Array.of(0x01, 0x05, 0xff, 0xff, 0xff, 0xff, 0x07)),
    ),
  ],
];

describe("hostile lengths", () => {
  it.each(HOSTILE_MESSAGES)(
    "%s in %s v%i is refused without allocating",
    (_what, name, version, bytes) => {
      const spec = ALL_MESSAGES[name]!;
      const { result, elapsedMs, grownBytes } = measure(() => decodeMessage(spec, bytes, version));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe("truncated");
      expect(elapsedMs).toBeLessThan(1000); // refused at once; generous for a busy machine
      expect(grownBytes).toBeLessThan(8 * MEBIBYTE);
    },
  );

  it("a Produce request whose records claim 2^31-1 bytes fails with its header intact", () => {
    const request = body((w) => {
      w.int16(ApiKey.Produce).int16(3).int32(99).string("producer-1"); // header v1
      w.string(null).int16(1).int32(30_000); // transactional id, acks, timeout
      w.int32(1).string("payments").int32(1).int32(0); // one topic, one partition: index 0
      w.int32(0x7fffffff).raw(new Uint8Array(10)); // records: 2^31-1 bytes claimed, 10 present
    });
    const { result, grownBytes } = measure(() => decodeRequest(request));
    expect(result).toMatchObject({
      ok: false,
      failure: {
        meta: { apiKey: ApiKey.Produce, apiVersion: 3, correlationId: 99, clientId: "producer-1" },
      },
    });
    if (!result.ok) expect(result.failure.error.kind).toBe("truncated");
    expect(grownBytes).toBeLessThan(8 * MEBIBYTE);
  });

  it("a quarter mebibyte of one repeated byte decodes (or fails) quickly as every API and version", () => {
    let slowestMs = 0;
    for (const filler of [0x00, 0x01, 0x7f, 0xff]) {
      const bytes = new Uint8Array(MEBIBYTE / 4).fill(filler);
      for (const api of APIS.values()) {
        for (const spec of [api.request, api.response]) {
          for (let version = spec.minVersion; version <= spec.maxVersion; version++) {
            const { elapsedMs } = measure(() => decodeMessage(spec, bytes, version));
            slowestMs = Math.max(slowestMs, elapsedMs);
          }
        }
      }
    }
    // Generous: this catches hangs and quadratic work, not GC pauses on a busy machine.
    expect(slowestMs).toBeLessThan(1500);
  });
});
