/**
 * The frame splitter turns a TCP byte stream into whole frames however the stream is cut,
 * and refuses a declared size over the limit as soon as the size has arrived.
 */
import { describe, expect, it } from "vitest";
import { FrameSplitter } from "./frame-splitter.ts";

function frame(...body: number[]): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setInt32(0, body.length);
  out.set(body, 4);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const FRAMES = [
  frame(1, 2, 3),
  frame(),
  frame(...Array.from({ length: 20 }, (_, i) => i)),
  frame(9),
];
const STREAM = concat(FRAMES);

/** Push `chunks` through a fresh splitter and collect every frame it gives back. */
function split(chunks: Uint8Array[], maxFrameBytes?: number): Uint8Array[] {
  const splitter = new FrameSplitter(maxFrameBytes);
  return chunks.flatMap((chunk) => splitter.push(chunk));
}

describe("FrameSplitter", () => {
  it("gives every frame of one chunk, including an empty one", () => {
    expect(split([STREAM])).toEqual(FRAMES);
  });

  it("reassembles a stream fed one byte at a time", () => {
    expect(split(Array.from(STREAM, (b) => Uint8Array.of(b)))).toEqual(FRAMES);
  });

  it("reassembles a stream cut in two or three at every pair of places", () => {
    for (let i = 0; i <= STREAM.length; i++) {
      for (let j = i; j <= STREAM.length; j++) {
        const chunks = [STREAM.subarray(0, i), STREAM.subarray(i, j), STREAM.subarray(j)];
        expect(split(chunks), `cut at ${i} and ${j}`).toEqual(FRAMES);
      }
    }
  });

  it("holds back a partial frame until the rest arrives", () => {
    const splitter = new FrameSplitter();
    expect(splitter.push(STREAM.subarray(0, 6))).toEqual([]);
    expect(splitter.push(STREAM.subarray(6, 7))).toEqual([FRAMES[0]]);
  });

  it("returns frames that do not share memory with the chunks pushed", () => {
    const chunk = STREAM.slice();
    const [first] = new FrameSplitter().push(chunk);
    chunk.fill(0);
    expect(first).toEqual(FRAMES[0]);
  });

  it("accepts a frame of exactly the limit", () => {
    expect(split([frame(1, 2, 3, 4)], 4)).toEqual([frame(1, 2, 3, 4)]);
  });

  it.each([
    ["over the limit", Uint8Array.of(0x00, 0x00, 0x00, 0x05)],
    ["of 2^31 - 1 bytes", Uint8Array.of(0x7f, 0xff, 0xff, 0xff)],
    ["negative", Uint8Array.of(0xff, 0xff, 0xff, 0xff)],
  ])("throws on a size %s as soon as the 4 size bytes are in", (_what, size) => {
    const splitter = new FrameSplitter(4);
    expect(splitter.push(size.subarray(0, 3))).toEqual([]);
    expect(() => splitter.push(size.subarray(3))).toThrow(RangeError);
  });

  it("throws on an oversized frame that follows good ones in the same chunk", () => {
    expect(() => split([concat([frame(1), Uint8Array.of(0x7f, 0xff, 0xff, 0xff)])], 1024)).toThrow(
      RangeError,
    );
  });
});
