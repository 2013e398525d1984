import { describe, expect, it } from "vitest";
import { ScratchBytes } from "./scratch-bytes.ts";

describe("scratch bytes", () => {
  it("hands out the same memory again, grown to the largest use", () => {
    const scratch = new ScratchBytes(1024);
    const first = scratch.take(100);
    const second = scratch.take(50);
    expect(second.buffer).toBe(first.buffer);
    expect(second.length).toBe(50);
    const larger = scratch.take(300);
    expect(larger.length).toBe(300);
    expect(scratch.take(10).buffer).toBe(larger.buffer);
  });

  it("copies the source, so the caller may change the source afterwards", () => {
    const scratch = new ScratchBytes(1024);
    const source = Uint8Array.of(1, 2, 3);
    const copy = scratch.copyOf(source);
    source.fill(9);
    expect([...copy]).toEqual([1, 2, 3]);
  });

  it("gives a use over the cap memory of its own, and keeps its retained buffer", () => {
    const scratch = new ScratchBytes(64);
    const retained = scratch.take(64);
    const huge = scratch.take(65);
    expect(huge.length).toBe(65);
    expect(huge.buffer).not.toBe(retained.buffer);
    expect(scratch.take(64).buffer).toBe(retained.buffer);
  });
});
