import { describe, expect, it } from "vitest";
import type { LinkEntry } from "../../runtime/network/link-conditions.ts";
import {
  brokerPairs,
  linkTestId,
  lossPercent,
  pairCondition,
  parseLinkInput,
} from "./link-state.ts";

const entry = (
  from: number | string,
  to: number | string,
  cut: boolean,
  latencyMs = 0,
  lossRate = 0,
): LinkEntry => ({
  from,
  to,
  conditions: { cut, latencyMs, lossRate },
});

describe("pairCondition", () => {
  it("is healthy when neither way is in the table", () => {
    expect(pairCondition([entry(1, 3, true)], 1, 2)).toEqual({
      state: "healthy",
      cut: "none",
      latencyMs: 0,
      lossRate: 0,
    });
  });

  it("is cut both ways when both directions are cut", () => {
    expect(pairCondition([entry(1, 2, true), entry(2, 1, true)], 1, 2)).toMatchObject({
      state: "cut",
      cut: "both",
    });
  });

  it("tells which way a one-way cut goes", () => {
    expect(pairCondition([entry(2, 1, true)], 1, 2)).toMatchObject({
      state: "cut",
      cut: "backward",
    });
    expect(pairCondition([entry(2, 1, true)], 2, 1)).toMatchObject({
      state: "cut",
      cut: "forward",
    });
  });

  it("is degraded by latency or loss on either way, reporting the worse", () => {
    const links = [entry(1, 2, false, 200, 0), entry(2, 1, false, 50, 0.1)];
    expect(pairCondition(links, 1, 2)).toEqual({
      state: "degraded",
      cut: "none",
      latencyMs: 200,
      lossRate: 0.1,
    });
  });

  it("counts a cut before slowness", () => {
    expect(pairCondition([entry(1, 2, true, 300, 0)], 1, 2).state).toBe("cut");
  });

  it("knows the page's clients as an endpoint", () => {
    expect(pairCondition([entry("page", 3, true), entry(3, "page", true)], "page", 3).cut).toBe(
      "both",
    );
  });
});

describe("brokerPairs and linkTestId", () => {
  it("lists every pair once, smaller id first, whatever the order given", () => {
    expect(brokerPairs([3, 1, 2])).toEqual([
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(brokerPairs([4])).toEqual([]);
  });

  it("names links as the test contract says", () => {
    expect(linkTestId(2, 1)).toBe("link-1-2");
    expect(linkTestId("page", 3)).toBe("link-page-3");
  });
});

describe("parseLinkInput", () => {
  it("accepts whole milliseconds and a percentage", () => {
    expect(parseLinkInput({ latencyMs: "250", lossPercent: "12.5" }, 60_000)).toEqual({
      ok: true,
      latencyMs: 250,
      lossRate: 0.125,
    });
    expect(parseLinkInput({ latencyMs: "", lossPercent: "" }, 60_000)).toEqual({
      ok: true,
      latencyMs: 0,
      lossRate: 0,
    });
  });

  it("rejects what the network would refuse", () => {
    expect(parseLinkInput({ latencyMs: "-1", lossPercent: "0" }, 60_000)).toEqual({
      ok: false,
      field: "latency",
    });
    expect(parseLinkInput({ latencyMs: "1.5", lossPercent: "0" }, 60_000)).toEqual({
      ok: false,
      field: "latency",
    });
    expect(parseLinkInput({ latencyMs: "60001", lossPercent: "0" }, 60_000)).toEqual({
      ok: false,
      field: "latency",
    });
    expect(parseLinkInput({ latencyMs: "0", lossPercent: "101" }, 60_000)).toEqual({
      ok: false,
      field: "loss",
    });
    expect(parseLinkInput({ latencyMs: "0", lossPercent: "abc" }, 60_000)).toEqual({
      ok: false,
      field: "loss",
    });
  });

  it("shows a loss rate as a percentage to one decimal", () => {
    expect(lossPercent(0.125)).toBe(12.5);
    expect(lossPercent(0.3333)).toBe(33.3);
  });
});
