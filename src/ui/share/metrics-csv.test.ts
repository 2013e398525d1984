import { describe, expect, it } from "vitest";
import { emptyMetrics } from "../store/activity-slice.ts";
import { csvField, metricLabels, metricsCsv } from "./metrics-csv.ts";

describe("metrics as CSV", () => {
  it("writes one row per sample, oldest first, with Kafka's names, labels and raw values", () => {
    const metrics = emptyMetrics();
    const t0 = Date.UTC(2025, 2, 1, 10, 0, 0);
    metrics.MessagesInPerSec = [
      { atMs: t0, value: 12.5 },
      { atMs: t0 + 1000, value: 1 / 3 },
    ];
    metrics.BytesInPerSec = [{ atMs: t0, value: 2_500_000 }];
    metrics.IsrSize = [{ atMs: t0 + 1000, value: 3 }];
    const lines = metricsCsv(metrics, "abc").split("\r\n");
    expect(lines).toEqual([
      "time,metric,labels,value",
      "2025-03-01T10:00:00.000Z,MessagesInPerSec,cluster=abc;unit=records/s;aggregate=sum;over=partition leaders,12.5",
      "2025-03-01T10:00:00.000Z,BytesInPerSec,cluster=abc;unit=bytes/s;aggregate=sum;over=partition leaders,2500000",
      "2025-03-01T10:00:01.000Z,MessagesInPerSec,cluster=abc;unit=records/s;aggregate=sum;over=partition leaders,0.333333",
      "2025-03-01T10:00:01.000Z,IsrSize,cluster=abc;unit=replicas;aggregate=min;over=partitions,3",
      "",
    ]);
  });

  it("has only the header when nothing was sampled", () => {
    expect(metricsCsv(emptyMetrics(), null)).toBe("time,metric,labels,value\r\n");
  });

  it("quotes fields as RFC 4180 does", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("leaves the cluster out of the labels before there is one", () => {
    expect(metricLabels("records-lag-max", null)).toBe(
      "unit=records;aggregate=max;over=consumer groups",
    );
  });
});
