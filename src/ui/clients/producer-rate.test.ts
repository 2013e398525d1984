import { describe, expect, it } from "vitest";
import { defaultProducerSettings } from "../store/clients-slice.ts";
import {
  parseRate,
  rateAtStop,
  rateToStartAgain,
  rememberRateBeforeStop,
  stopIndexOf,
  RATE_STOPS,
} from "./producer-rate.ts";

describe("producer rate", () => {
  it("maps rates to the nearest slider stop and back", () => {
    expect(rateAtStop(stopIndexOf(20))).toBe(20);
    expect(rateAtStop(stopIndexOf(0))).toBe(0);
    expect(rateAtStop(stopIndexOf(700))).toBe(500);
    expect(rateAtStop(stopIndexOf(900))).toBe(1_000);
    expect(rateAtStop(99)).toBe(RATE_STOPS[RATE_STOPS.length - 1]);
  });

  it("accepts typed rates and refuses what is not one", () => {
    expect(parseRate("250")).toBe(250);
    expect(parseRate("0.5")).toBe(0.5);
    expect(parseRate("99999")).toBe(5_000);
    expect(parseRate("")).toBeNull();
    expect(parseRate("-3")).toBeNull();
    expect(parseRate("fast")).toBeNull();
  });

  it("starts a stopped producer again at the rate it had, or the default", () => {
    rememberRateBeforeStop("producer-7", 120);
    rememberRateBeforeStop("producer-7", 0);
    expect(rateToStartAgain("producer-7")).toBe(120);
    expect(rateToStartAgain("producer-8")).toBe(defaultProducerSettings("orders").ratePerSec);
  });
});
