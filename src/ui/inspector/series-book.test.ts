import { describe, expect, it } from "vitest";
import { ratesOf, Ring, SeriesBook } from "./series-book.ts";
import { sparklinePoints } from "./sparkline-points.ts";

describe("Ring", () => {
  it("keeps the newest items up to its capacity, oldest first", () => {
    const ring = new Ring<number>(3);
    expect(ring.toArray()).toEqual([]);
    for (const item of [1, 2, 3, 4, 5]) ring.push(item);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
  });

  it("refuses a capacity that holds nothing", () => {
    expect(() => new Ring(0)).toThrow(RangeError);
    expect(() => new Ring(1.5)).toThrow(RangeError);
  });
});

describe("SeriesBook", () => {
  it("keeps a minute of samples per series", () => {
    const book = new SeriesBook(4, 60);
    for (let second = 0; second < 90; second++)
      book.record("leo", { atMs: second * 1000, value: second });
    const series = book.series("leo");
    expect(series).toHaveLength(60);
    expect(series[0]).toEqual({ atMs: 30_000, value: 30 });
    expect(series.at(-1)).toEqual({ atMs: 89_000, value: 89 });
  });

  it("hands out the same array until the series changes (stable for React)", () => {
    const book = new SeriesBook();
    book.record("a", { atMs: 0, value: 1 });
    const first = book.series("a");
    expect(book.series("a")).toBe(first);
    book.record("a", { atMs: 1, value: 2 });
    expect(book.series("a")).not.toBe(first);
    expect(book.series("a")).toHaveLength(2);
    expect(book.series("missing")).toEqual([]);
    expect(book.series("missing")).toBe(book.series("other-missing"));
  });

  it("drops the least recently written series beyond its bound", () => {
    const book = new SeriesBook(2, 10);
    book.record("a", { atMs: 0, value: 1 });
    book.record("b", { atMs: 0, value: 1 });
    book.record("a", { atMs: 1, value: 2 });
    book.record("c", { atMs: 1, value: 1 });
    expect(book.seriesCount).toBe(2);
    expect(book.series("b")).toEqual([]);
    expect(book.series("a")).toHaveLength(2);
    expect(book.series("c")).toHaveLength(1);
  });
});

describe("ratesOf", () => {
  it("turns a counter into a rate per second between samples", () => {
    const rates = ratesOf([
      { atMs: 0, value: 0 },
      { atMs: 1_000, value: 50 },
      { atMs: 3_000, value: 150 },
    ]);
    expect(rates).toEqual([
      { atMs: 1_000, value: 50 },
      { atMs: 3_000, value: 50 },
    ]);
  });

  it("never reports a negative rate when a counter resets, and skips samples at the same time", () => {
    expect(
      ratesOf([
        { atMs: 0, value: 100 },
        { atMs: 0, value: 120 },
        { atMs: 1_000, value: 3 },
      ]),
    ).toEqual([{ atMs: 1_000, value: 0 }]);
    expect(ratesOf([{ atMs: 0, value: 1 }])).toEqual([]);
  });
});

describe("sparklinePoints", () => {
  it("draws nothing for fewer than two samples", () => {
    expect(sparklinePoints([{ atMs: 0, value: 3 }])).toBe("");
  });

  it("spans the box left to right with zero at the bottom and the highest value at the top", () => {
    const points = sparklinePoints(
      [
        { atMs: 0, value: 0 },
        { atMs: 500, value: 5 },
        { atMs: 1_000, value: 10 },
      ],
      104,
      24,
    );
    expect(points).toBe("2.0,22.0 52.0,12.0 102.0,2.0");
  });

  it("draws a flat series of zeros along the bottom", () => {
    expect(
      sparklinePoints(
        [
          { atMs: 0, value: 0 },
          { atMs: 1, value: 0 },
        ],
        104,
        24,
      ),
    ).toBe("2.0,22.0 102.0,22.0");
  });
});
