import { describe, expect, it } from "vitest";
import { formatBytes, formatDurationMs } from "./format-units.ts";

describe("config values read aloud", () => {
  it("picks the largest whole unit of a duration", () => {
    expect(formatDurationMs(604_800_000, "en")).toBe("7 days");
    expect(formatDurationMs(90_000, "en")).toBe("1.5 minutes");
    expect(formatDurationMs(250, "en")).toBe("250 milliseconds");
    expect(formatDurationMs(0, "en")).toBe("0 milliseconds");
    expect(formatDurationMs(604_800_000, "ko")).toBe("7일");
  });

  it("uses binary units for sizes", () => {
    expect(formatBytes(1_073_741_824, "en")).toBe("1 GiB");
    expect(formatBytes(16_384, "en")).toBe("16 KiB");
    expect(formatBytes(1_048_588, "en")).toBe("1 MiB");
    expect(formatBytes(14, "en")).toBe("14 B");
  });
});
