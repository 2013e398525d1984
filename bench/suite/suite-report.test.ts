import { describe, expect, it } from "vitest";
import { frameTimeSummary, percentile } from "../ui/frame-times.ts";
import {
  meets,
  producePostMessagePercent,
  suiteFigure,
  type SuiteFigure,
} from "./suite-figures.ts";
import { formatSuiteTable, formatValue, recordFileName, targetsSummary } from "./suite-report.ts";

describe("percentile (nearest rank)", () => {
  it("is the smallest value with p % of the values at or below it", () => {
    const frames = [16.7, 33.3, 16.6, 16.7, 100];
    expect(percentile(frames, 50)).toBe(16.7);
    expect(percentile(frames, 95)).toBe(100);
    expect(percentile(frames, 0)).toBe(16.6);
    expect(percentile(frames, 100)).toBe(100);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
  });

  it("does not reorder its input, and refuses no values", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
    expect(() => percentile([], 50)).toThrow();
  });

  it("summarises frames as median, p95 and the longest", () => {
    const frames = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(frameTimeSummary(frames)).toEqual({ frames: 100, medianMs: 50, p95Ms: 95, maxMs: 100 });
  });
});

describe("targets", () => {
  it("meets at least and at most inclusively; no figure never meets", () => {
    expect(meets(421_823, { comparison: "at least", value: 421_823 })).toBe(true);
    expect(meets(421_822, { comparison: "at least", value: 421_823 })).toBe(false);
    expect(meets(16.7, { comparison: "at most", value: 16.7 })).toBe(true);
    expect(meets(16.8, { comparison: "at most", value: 16.7 })).toBe(false);
    expect(meets(null, { comparison: "at most", value: 10 })).toBe(false);
    expect(meets(Number.NaN, { comparison: "at least", value: 0 })).toBe(false);
  });

  it("puts the produce bytes against the postMessage bytes in percent", () => {
    // 786,980 records/s of 100 bytes against 1,000 MiB/s of postMessage.
    const percent = producePostMessagePercent(786_980, 100, 1000 * 2 ** 20)!;
    expect(percent).toBeCloseTo(7.505, 3);
    expect(producePostMessagePercent(null, 100, 1)).toBeNull();
  });

  it("counts the targets met and names the missed ones", () => {
    const figures = [
      suiteFigure("a", "ms", 5, { comparison: "at most", value: 10 }),
      suiteFigure("b", "records/s", 5, { comparison: "at least", value: 10 }),
      suiteFigure("c", "MB/s", 5),
    ];
    expect(targetsSummary(figures)).toBe("1 of 2 targets met; missed: b");
    expect(targetsSummary(figures.slice(0, 1))).toBe("1 of 1 targets met");
  });
});

describe("the table", () => {
  it("formats whole numbers from 100, one decimal from 10, two below", () => {
    expect(formatValue(786_980.4)).toBe("786,980");
    expect(formatValue(33.33)).toBe("33.3");
    expect(formatValue(0.414)).toBe("0.41");
  });

  it("has a row per figure with its result, target, verdict and note, in aligned columns", () => {
    const figures: SuiteFigure[] = [
      suiteFigure(
        "producer acks=1",
        "records/s",
        18_124.4,
        { comparison: "at least", value: 786_980 },
        "1.73 MB/s",
      ),
      suiteFigure("frame median", "ms", 16.7, { comparison: "at most", value: 16.7 }),
      suiteFigure("postMessage", "MB/s", 229.4),
      suiteFigure("consumer", "records/s", null, { comparison: "at least", value: 940_521 }),
    ];
    const lines = formatSuiteTable(figures);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^measure\s+result\s+target\s+notes$/);
    expect(lines[2]).toMatch(
      /^producer acks=1\s+18,124 records\/s\s+≥ 786,980 records\/s\s+MISSED\s+1\.73 MB\/s$/,
    );
    expect(lines[3]).toMatch(/^frame median\s+16\.7 ms\s+≤ 16\.7 ms\s+met$/);
    expect(lines[4]).toMatch(/^postMessage\s+229 MB\/s$/);
    expect(lines[5]).toMatch(/^consumer\s+no figure\s+≥ 940,521 records\/s\s+MISSED$/);
    // Every column starts at the same place on every row.
    const resultColumn = lines[0]!.indexOf("result");
    for (const line of lines.slice(2)) expect(line[resultColumn - 1]).toBe(" ");
    expect(lines[2]!.indexOf("18,124")).toBe(resultColumn);
  });

  it("names the saved file by the run's UTC date", () => {
    expect(recordFileName(new Date("2026-11-22T23:59:00Z"))).toBe("bench-2026-11-22.json");
  });
});
