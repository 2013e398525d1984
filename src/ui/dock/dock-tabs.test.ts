import { describe, expect, it } from "vitest";
import { shownTab, tabForKey } from "./dock-tabs.ts";
import { metricScale, formatMetricNumber } from "./metric-format.ts";

describe("dock tabs", () => {
  it("move with arrows (wrapping), Home and End", () => {
    expect(tabForKey("timeline", "ArrowRight")).toBe("metrics");
    expect(tabForKey("segments", "ArrowRight")).toBe("terminal");
    expect(tabForKey("terminal", "ArrowRight")).toBe("timeline");
    expect(tabForKey("timeline", "ArrowLeft")).toBe("terminal");
    expect(tabForKey("packets", "Home")).toBe("timeline");
    expect(tabForKey("metrics", "End")).toBe("terminal");
    expect(tabForKey("metrics", "Enter")).toBeNull();
  });

  it("show each tab the store names", () => {
    expect(shownTab("terminal")).toBe("terminal");
    expect(shownTab("packets")).toBe("packets");
  });
});

describe("metric figures", () => {
  it("scale bytes by the peak and keep counts whole", () => {
    expect(metricScale("BytesInPerSec", 500)).toEqual({
      divisor: 1,
      unit: "metrics.unit.bytesPerSec",
    });
    expect(metricScale("BytesInPerSec", 25_000).unit).toBe("metrics.unit.kilobytesPerSec");
    expect(metricScale("BytesInPerSec", 2_500_000).divisor).toBe(1_000_000);
    expect(metricScale("IsrSize", 3)).toEqual({ divisor: 1, unit: "metrics.unit.replicas" });
    expect(formatMetricNumber("IsrSize", 2.6)).toBe("3");
    expect(formatMetricNumber("MessagesInPerSec", 49.84)).toBe("49.8");
    expect(formatMetricNumber("MessagesInPerSec", 1234.5)).toBe("1235");
  });
});
