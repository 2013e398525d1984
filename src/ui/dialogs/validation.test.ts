import { describe, expect, it } from "vitest";
import {
  illegalNameCharacters,
  issueFor,
  parseDecimalNumber,
  parseWholeNumber,
  type Issue,
} from "./validation.ts";

describe("numbers as Kafka's ConfigDef reads them", () => {
  it("takes whole numbers only, with surrounding spaces", () => {
    expect(parseWholeNumber(" 42 ")).toBe(42);
    expect(parseWholeNumber("-1")).toBe(-1);
    for (const text of ["", "1e3", "1.0", "0x10", "12ms", "9007199254740993"]) {
      expect(parseWholeNumber(text), text).toBeNull();
    }
  });

  it("takes decimals for rates", () => {
    expect(parseDecimalNumber("0.25")).toBe(0.25);
    expect(parseDecimalNumber(".5")).toBe(0.5);
    expect(parseDecimalNumber("1e3")).toBeNull();
  });
});

describe("issueFor", () => {
  it("shows a field's first error before its warnings", () => {
    const issues: Issue[] = [
      { field: "a", severity: "warning", key: "validation.required" },
      { field: "a", severity: "error", key: "validation.notNumber" },
      { field: "b", severity: "error", key: "validation.atLeast" },
    ];
    expect(issueFor(issues, "a")?.key).toBe("validation.notNumber");
    expect(issueFor(issues, "c")).toBeUndefined();
  });
});

describe("illegalNameCharacters", () => {
  it("lists each character outside [a-zA-Z0-9._-] once", () => {
    expect(illegalNameCharacters("a b/c d")).toEqual([" ", "/"]);
    expect(illegalNameCharacters("ok.name_1-2")).toEqual([]);
  });
});
