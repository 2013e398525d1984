import { describe, expect, it } from "vitest";
import { clusterShape, MAX_NODES, nodeConfig } from "./cluster-config.ts";

describe("clusterShape", () => {
  it("defaults to three nodes, all voters, and to one voter for smaller clusters", () => {
    expect(clusterShape()).toEqual({ nodeIds: [1, 2, 3], voters: [1, 2, 3] });
    expect(clusterShape(2)).toEqual({ nodeIds: [1, 2], voters: [1] });
    expect(clusterShape(6, 5).voters).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses quorums Kafka would not run and clusters beyond the playground's size", () => {
    expect(() => clusterShape(4, 2)).toThrow(RangeError);
    expect(() => clusterShape(3, 5)).toThrow(RangeError);
    expect(() => clusterShape(0)).toThrow(RangeError);
    expect(() => clusterShape(MAX_NODES + 1)).toThrow(RangeError);
  });
});

describe("nodeConfig", () => {
  it("advertises Kafka's default ports under the node's own host name", () => {
    const config = nodeConfig(2, "cluster", [1, 2, 3], { "min.insync.replicas": "2" });
    expect(config.advertised).toEqual({
      PLAINTEXT: { host: "broker-2", port: 9092 },
      CONTROLLER: { host: "broker-2", port: 9093 },
    });
    expect(config.voters).toEqual([1, 2, 3]);
  });
});
