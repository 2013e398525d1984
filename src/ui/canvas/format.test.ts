import { describe, expect, it } from "vitest";
import { formatBytes, formatInteger } from "./format.ts";

describe("formatBytes", () => {
  it("picks the unit and keeps one decimal only below ten", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(20 * 1024 + 300)).toBe("20 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0 GB");
  });
});

describe("formatInteger", () => {
  it("groups thousands and drops fractions", () => {
    expect(formatInteger(1234567, "en")).toBe("1,234,567");
    expect(formatInteger(12.9, "ko")).toBe("12");
  });
});
