import { describe, expect, it } from "vitest";
import {
  DEFAULT_PARTITION_ASSIGNMENT_STRATEGY,
  resolveAssignors,
  selectRebalanceProtocol,
  type AssignorResolution,
} from "./resolve-assignors.ts";

const names = (resolution: AssignorResolution) =>
  resolution.ok ? resolution.assignors.map((a) => a.name) : resolution.error;

describe("resolveAssignors", () => {
  it("defaults to Kafka's [RangeAssignor, CooperativeStickyAssignor]", () => {
    expect(DEFAULT_PARTITION_ASSIGNMENT_STRATEGY).toEqual([
      "org.apache.kafka.clients.consumer.RangeAssignor",
      "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
    ]);
    expect(names(resolveAssignors())).toEqual(["range", "cooperative-sticky"]);
  });

  it("accepts class names, simple class names and protocol names", () => {
    expect(
      names(
        resolveAssignors([
          "org.apache.kafka.clients.consumer.RoundRobinAssignor",
          "StickyAssignor",
          "range",
        ]),
      ),
    ).toEqual(["roundrobin", "sticky", "range"]);
    expect(names(resolveAssignors(["cooperative-sticky"]))).toEqual(["cooperative-sticky"]);
  });

  it("parses Kafka's comma-separated list, whitespace and all", () => {
    expect(
      names(
        resolveAssignors(
          " org.apache.kafka.clients.consumer.StickyAssignor ,  org.apache.kafka.clients.consumer.RangeAssignor ",
        ),
      ),
    ).toEqual(["sticky", "range"]);
  });

  it("gives every call fresh instances: sticky assignors remember their last assignment", () => {
    const first = resolveAssignors("sticky");
    const second = resolveAssignors("sticky");
    expect(first.ok && second.ok && first.assignors[0] !== second.assignors[0]).toBe(true);
  });

  it("rejects an unknown name with Kafka's ConfigException wording", () => {
    expect(resolveAssignors("range, org.example.FairAssignor")).toEqual({
      ok: false,
      error:
        "Invalid value org.example.FairAssignor for configuration partition.assignment.strategy: Class org.example.FairAssignor could not be found.",
    });
    expect(resolveAssignors("Range").ok).toBe(false);
    expect(resolveAssignors("range,,sticky").ok).toBe(false);
  });

  it("rejects an empty strategy and an assignor named twice", () => {
    expect(resolveAssignors("  ")).toEqual({
      ok: false,
      error:
        "Must configure at least one partition assigner class name to partition.assignment.strategy configuration property",
    });
    expect(resolveAssignors(["range", "org.apache.kafka.clients.consumer.RangeAssignor"])).toEqual({
      ok: false,
      error:
        "The assignor name: 'range' is used in more than one assignor: org.apache.kafka.clients.consumer.RangeAssignor, org.apache.kafka.clients.consumer.RangeAssignor",
    });
  });
});

describe("selectRebalanceProtocol", () => {
  const resolve = (strategy: string) => {
    const resolution = resolveAssignors(strategy);
    if (!resolution.ok) throw new Error(resolution.error);
    return resolution.assignors;
  };

  it("runs eager with Kafka's default, since range cannot do cooperative", () => {
    expect(selectRebalanceProtocol(resolve("range,cooperative-sticky"))).toEqual({
      ok: true,
      protocol: "eager",
    });
  });

  it("runs cooperative only when every configured assignor supports it", () => {
    expect(selectRebalanceProtocol(resolve("cooperative-sticky"))).toEqual({
      ok: true,
      protocol: "cooperative",
    });
    expect(selectRebalanceProtocol(resolve("sticky"))).toEqual({ ok: true, protocol: "eager" });
  });

  it("has no protocol without assignors, and fails without a common one", () => {
    expect(selectRebalanceProtocol([])).toEqual({ ok: true, protocol: null });
    expect(
      selectRebalanceProtocol([
        { name: "cooperative-only", supportedProtocols: ["cooperative"] },
        { name: "range", supportedProtocols: ["eager"] },
      ]),
    ).toEqual({
      ok: false,
      error:
        "Specified assignors [cooperative-only, range] do not have commonly supported rebalance protocol",
    });
  });
});
