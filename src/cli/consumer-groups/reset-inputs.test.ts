import { describe, expect, it } from "vitest";
import { JavaException } from "../framework/java-exception.ts";
import { exportedCsv, parseResetPlan } from "./reset-csv.ts";
import { parseDateTime, parseDurationMs } from "./reset-times.ts";

function failure(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as JavaException).toString();
  }
  return "no failure";
}

describe("--to-datetime and --by-duration", () => {
  it("reads Kafka's datetime format, UTC unless a zone is given", () => {
    expect(parseDateTime("2024-01-15T10:00:01.500")).toBe(Date.UTC(2024, 0, 15, 10, 0, 1, 500));
    expect(parseDateTime("2024-01-15T10:00:01.500Z")).toBe(Date.UTC(2024, 0, 15, 10, 0, 1, 500));
    expect(parseDateTime("2024-01-15T11:30:00.000+01:30")).toBe(Date.UTC(2024, 0, 15, 10, 0, 0, 0));
    expect(parseDateTime("2024-01-15T09:00:00.000-0100")).toBe(Date.UTC(2024, 0, 15, 10, 0, 0, 0));
    expect(failure(() => parseDateTime("2024-01-15"))).toBe(
      "java.text.ParseException: Error parsing timestamp. It does not contain a 'T' according to ISO8601 format",
    );
    expect(failure(() => parseDateTime("2024-01-15T10:00"))).toBe(
      'java.text.ParseException: Unparseable date: "2024-01-15T10:00Z"',
    );
  });

  it("reads ISO-8601 durations as java.time.Duration does", () => {
    expect(parseDurationMs("PT1H30M")).toBe(5_400_000);
    expect(parseDurationMs("P1DT0.5S")).toBe(86_400_500);
    expect(parseDurationMs("pt15m")).toBe(900_000);
    expect(parseDurationMs("-PT1S")).toBe(-1000);
    for (const bad of ["1h", "P", "PT", "P1H"]) {
      expect(failure(() => parseDurationMs(bad))).toBe(
        "java.time.format.DateTimeParseException: Text cannot be parsed to a Duration",
      );
    }
  });
});

describe("reset plans as CSV", () => {
  const plan = new Map([
    [
      "audit",
      new Map([
        ["t-0", { tp: { topic: "t", partition: 0 }, offset: 5n }],
        ["t-1", { tp: { topic: "t", partition: 1 }, offset: 7n }],
      ]),
    ],
  ]);

  it("writes one group's plan without the group, several groups' with it", () => {
    expect(exportedCsv(plan, true)).toBe("t,0,5\nt,1,7\n");
    expect(exportedCsv(new Map([["a,b", plan.get("audit")!]]), false)).toBe(
      '"a,b",t,0,5\n"a,b",t,1,7\n',
    );
  });

  it("reads both forms back", () => {
    expect(parseResetPlan("t,0,5\nt,1,7\n", ["audit"])).toEqual(plan);
    expect(parseResetPlan('"audit",t,0,5\naudit,t,1,7\n', ["audit", "other"])).toEqual(plan);
    expect(failure(() => parseResetPlan("t,zero,5\n", ["audit"]))).toBe(
      "java.lang.IllegalArgumentException: Invalid reset plan line 't,zero,5'",
    );
  });
});
