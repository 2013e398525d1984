import { describe, expect, it } from "vitest";
import { isAtBottom, scrollToShow, visibleRows } from "./virtual-window.ts";

describe("virtual list windowing", () => {
  it("renders the rows in view plus an overscan, within the list", () => {
    expect(visibleRows(0, 100, 20, 1000, 2)).toEqual({ start: 0, end: 8 });
    expect(visibleRows(400, 100, 20, 1000, 2)).toEqual({ start: 18, end: 28 });
    expect(visibleRows(19_950, 100, 20, 1000, 2)).toEqual({ start: 995, end: 1000 });
    expect(visibleRows(0, 100, 20, 0)).toEqual({ start: 0, end: 0 });
  });

  it("knows when the viewer is at the bottom", () => {
    expect(isAtBottom(900, 100, 1000)).toBe(true);
    expect(isAtBottom(897, 100, 1000)).toBe(true);
    expect(isAtBottom(850, 100, 1000)).toBe(false);
  });

  it("scrolls a row into view only when it is not", () => {
    expect(scrollToShow(4, 0, 100, 20)).toBeNull();
    expect(scrollToShow(5, 0, 100, 20)).toBe(20);
    expect(scrollToShow(2, 100, 100, 20)).toBe(40);
    expect(scrollToShow(10, 0, 100, 20)).toBe(120);
  });
});
