import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { ko } from "./ko.ts";
import { translate } from "./translate.ts";

describe("UI strings", () => {
  it("exist in both languages with the same placeholders", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
      expect(ko[key].trim(), key).not.toBe("");
    }
  });

  it("fill in placeholders", () => {
    expect(translate("en", "boot.error", { message: "no OPFS" })).toBe(
      "The cluster did not start: no OPFS",
    );
    expect(translate("ko", "boot.error", { message: "no OPFS" })).toBe(
      "클러스터를 시작하지 못했습니다: no OPFS",
    );
  });
});
