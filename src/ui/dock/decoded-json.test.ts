import { describe, expect, it } from "vitest";
import { toDisplayJson } from "./decoded-json.ts";

describe("decoded messages as JSON", () => {
  it("writes bigints as strings and bytes as their length and first bytes", () => {
    const { text, cutFrom } = toDisplayJson({
      offset: 9_007_199_254_740_993n,
      records: new Uint8Array([0, 1, 0xab]),
    });
    expect(JSON.parse(text)).toEqual({
      offset: "9007199254740993",
      records: "<3 bytes: 00 01 ab>",
    });
    expect(cutFrom).toBeNull();
    const long = toDisplayJson({ records: new Uint8Array(100) }).text;
    expect(long).toContain("<100 bytes: 00");
    expect(long).toContain(" …>");
  });

  it("cuts long text and says how long it was", () => {
    const value = { names: Array.from({ length: 200 }, (_, i) => `topic-${i}`) };
    const full = JSON.stringify(value, null, 2);
    const shown = toDisplayJson(value, 100);
    expect(shown.cutFrom).toBe(full.length);
    expect(shown.text.startsWith(full.slice(0, 100))).toBe(true);
    expect(shown.text.length).toBeLessThan(110);
  });
});
