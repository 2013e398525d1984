import { describe, expect, it } from "vitest";
import type { ToolRun } from "./tool-run.ts";
import { suiteFigures } from "./suite-figures.ts";
import type { SuiteResults } from "./suite-results.ts";
import { suiteSettings } from "./suite-settings.ts";

const latency = { records: 1, averageMs: 1, p50Ms: 2, p95Ms: 3, p99Ms: 4, p999Ms: 5, maxMs: 6 };
const toolRun: ToolRun = {
  exitCode: 0,
  out: [],
  outLinesDropped: 0,
  err: [],
  errLinesDropped: 0,
  seconds: 1,
};
const producerTotal = (recordsPerSecond: number) => ({
  records: 1_000_000,
  recordsPerSecond,
  megabytesPerSecond: (recordsPerSecond * 100) / 2 ** 20,
  averageLatencyMs: 10,
  maxLatencyMs: 50,
  p50Ms: 8,
  p95Ms: 20,
  p99Ms: 30,
  p999Ms: 40,
});

function results(ui: SuiteResults["ui"]): SuiteResults {
  return {
    environment: { userAgent: "x", crossOriginIsolated: true, hardwareConcurrency: 2 },
    clusterStartupMs: 3000,
    // 1,000 MiB/s of postMessage.
    postMessage: {
      messages: 64_000,
      bytes: 1000 * 2 ** 20,
      seconds: 1,
      messagesPerSecond: 64_000,
      megabytesPerSecond: 1000,
    },
    rawOpfs: { bytes: 2 ** 29, seconds: 1, flushSeconds: 0.1, megabytesPerSecond: 512 },
    producer: [
      { acks: "1", topic: "a", command: "", run: toolRun, total: producerTotal(3_500_000) },
      { acks: "all", topic: "b", command: "", run: toolRun, total: null },
    ],
    consumer: {
      topic: "b",
      command: "",
      run: toolRun,
      total: {
        startTime: "",
        endTime: "",
        megabytes: 95.4,
        megabytesPerSecond: 10,
        records: 1_000_000,
        recordsPerSecond: 100_000,
        rebalanceMs: 2000,
        fetchMs: 1000,
        fetchMegabytesPerSecond: 95.4,
        fetchRecordsPerSecond: 1_000_000,
      },
    },
    endToEnd: {
      acks: 1,
      targetRecordsPerSecond: 100_000,
      achievedRecordsPerSecond: 100_000,
      scheduledRecords: 300_000,
      sentRecords: 300_000,
      produceRequests: 1,
      fetchResponses: 1,
      endToEnd: { ...latency, p99Ms: 12 },
      produceAck: latency,
    },
    ui,
  };
}

const byName = (figures: ReturnType<typeof suiteFigures>, start: string) =>
  figures.find((figure) => figure.name.startsWith(start))!;

describe("suiteFigures", () => {
  const settings = suiteSettings(false);
  const figures = suiteFigures(
    results({
      ok: true,
      browserVersion: "156",
      command: "",
      exitCode: 0,
      lines: [],
      total: producerTotal(9000),
      seconds: 20,
      frames: { frames: 600, medianMs: 16.7, p95Ms: 50, maxMs: 200 },
    }),
    settings,
  );

  it("judges each perf-test figure against Kafka's 2014 figures", () => {
    expect(byName(figures, "producer acks=1")).toMatchObject({
      value: 3_500_000,
      target: { comparison: "at least", value: 786_980, met: true },
    });
    // The acks=all run printed no total: no figure, target missed.
    expect(byName(figures, "producer acks=all")).toMatchObject({
      value: null,
      target: { value: 421_823, met: false },
    });
    // The consumer's figure leaves the group join out (fetch.nMsg.sec).
    expect(byName(figures, "consumer")).toMatchObject({
      value: 1_000_000,
      target: { value: 940_521, met: true },
    });
    expect(byName(figures, "end-to-end p99")).toMatchObject({
      value: 12,
      target: { comparison: "at most", value: 10, met: false },
    });
  });

  it("puts acks=1's value bytes against postMessage's bytes of the same run", () => {
    // 3.5 M records/s × 100 bytes = 333.8 MiB/s of 1,000 MiB/s.
    const ratio = byName(figures, "produce bytes/s");
    expect(ratio.value).toBeCloseTo(33.38, 2);
    expect(ratio.target).toMatchObject({ value: 30, met: true });
  });

  it("takes frame times from the page's run, and misses the frame target when the page failed", () => {
    expect(byName(figures, "UI frame time while producing, median")).toMatchObject({
      value: 16.7,
      target: { value: 16.7, met: true },
    });
    expect(byName(figures, "UI frame time while producing, p95").value).toBe(50);
    const failed = suiteFigures(
      results({ ok: false, error: "Error: build failed\nat x" }),
      settings,
    );
    expect(byName(failed, "UI frame time while producing, median")).toMatchObject({
      value: null,
      target: { met: false },
      note: "the page's run failed: Error: build failed",
    });
  });

  it("has a target for every target of the issue", () => {
    expect(figures.filter((figure) => figure.target !== undefined)).toHaveLength(6);
  });
});
