import { describe, expect, it } from "vitest";
import { BoundedRing } from "./bounded-ring.ts";

describe("BoundedRing", () => {
  it("numbers items and finds them while held", () => {
    const ring = new BoundedRing<string>(3);
    expect([ring.push("a"), ring.push("b")]).toEqual([0, 1]);
    expect(ring.get(1)).toBe("b");
    expect(ring.get(2)).toBeUndefined();
  });

  it("overwrites the oldest when full and counts the drops", () => {
    const ring = new BoundedRing<number>(2);
    for (let i = 0; i < 5; i++) ring.push(i * 10);
    expect(ring.size).toBe(2);
    expect(ring.get(2)).toBeUndefined();
    expect(ring.get(3)).toBe(30);
    expect(ring.drain()).toEqual({ items: [30, 40], dropped: 3 });
    expect(ring.drain()).toEqual({ items: [], dropped: 0 });
  });

  it("keeps numbering after a drain", () => {
    const ring = new BoundedRing<number>(2);
    ring.push(1);
    ring.drain();
    expect(ring.get(0)).toBeUndefined();
    expect(ring.push(2)).toBe(1);
    expect(ring.get(1)).toBe(2);
  });

  it("refuses a capacity below one", () => {
    expect(() => new BoundedRing(0)).toThrow(RangeError);
  });
});
