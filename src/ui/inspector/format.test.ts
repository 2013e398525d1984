import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatMs, formatOffset, formatRate, UNKNOWN } from "./format.ts";

describe("format", () => {
  it("prints offsets as plain integers, unknown ones as a dash", () => {
    expect(formatOffset(1234567)).toBe("1234567");
    expect(formatOffset(0)).toBe("0");
    expect(formatOffset(-1)).toBe(UNKNOWN);
    expect(formatOffset(null)).toBe(UNKNOWN);
    expect(formatOffset(undefined)).toBe(UNKNOWN);
  });

  it("groups counts and rounds rates", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(null)).toBe(UNKNOWN);
    expect(formatRate(3.14159)).toBe("3.1");
    expect(formatRate(1234.6)).toBe("1,235");
    expect(formatRate(Number.NaN)).toBe(UNKNOWN);
  });

  it("prints bytes with binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.00 KiB");
    expect(formatBytes(15 * 1024 * 1024)).toBe("15.0 MiB");
    expect(formatBytes(-1)).toBe(UNKNOWN);
  });

  it("prints milliseconds with a unit", () => {
    expect(formatMs(2.345)).toBe("2.3 ms");
    expect(formatMs(1500)).toBe("1,500 ms");
    expect(formatMs(null)).toBe(UNKNOWN);
  });
});
