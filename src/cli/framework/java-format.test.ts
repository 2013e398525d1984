import { describe, expect, it } from "vitest";
import { describeException } from "./java-exception.ts";
import { formatFixed, simpleDateFormat } from "./java-format.ts";

describe("Java's %.Nf", () => {
  it("rounds the shortest decimal digits half up, as Java's Formatter does", () => {
    expect(formatFixed(1.005, 2)).toBe("1.01"); // toFixed gives 1.00
    expect(formatFixed(0.125, 2)).toBe("0.13");
    expect(formatFixed(2.5, 0)).toBe("3");
    expect(formatFixed(0.05, 1)).toBe("0.1");
    expect(formatFixed(9.9996, 3)).toBe("10.000");
    expect(formatFixed(399.6642685851319, 6)).toBe("399.664269");
    expect(formatFixed(0.00005, 4)).toBe("0.0001");
    expect(formatFixed(1e-7, 4)).toBe("0.0000");
    expect(formatFixed(123456789012, 1)).toBe("123456789012.0");
    expect(formatFixed(1.5e21, 2)).toBe("1500000000000000000000.00");
    expect(formatFixed(-1.25, 1)).toBe("-1.3");
    expect(formatFixed(-0.001, 2)).toBe("-0.00");
    expect(formatFixed(42, 4)).toBe("42.0000");
  });

  it("spells out what is not a number", () => {
    expect(formatFixed(Number.NaN, 2)).toBe("NaN");
    expect(formatFixed(1 / 0, 4)).toBe("Infinity");
    expect(formatFixed(-1 / 0, 4)).toBe("-Infinity");
  });
});

describe("SimpleDateFormat", () => {
  it("formats ConsumerPerformance's default pattern and log4j's, in UTC", () => {
    expect(simpleDateFormat("yyyy-MM-dd HH:mm:ss:SSS")(1_700_000_000_123)).toBe(
      "2023-11-14 22:13:20:123",
    );
    expect(simpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS")(5)).toBe("1970-01-01 00:00:00,005");
    expect(simpleDateFormat("dd MMM yy, h:mm a 'at' EEE''")(1_700_000_000_123)).toBe(
      "14 Nov 23, 10:13 PM at Tue'",
    );
  });

  it("refuses a letter it does not know, as Java's constructor does", () => {
    let failure = "";
    try {
      simpleDateFormat("yyyy-bb");
    } catch (error) {
      failure = describeException(error);
    }
    expect(failure).toBe("java.lang.IllegalArgumentException: Illegal pattern character 'b'");
  });
});
