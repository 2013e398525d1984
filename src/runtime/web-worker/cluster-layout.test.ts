import { describe, expect, it } from "vitest";
import { parseLayout, type ClusterLayout } from "./cluster-layout.ts";

const layout: ClusterLayout = {
  version: 1,
  clusterId: "a2Fma2EtcGxheWdyb3VuZA",
  voters: [1, 2, 3],
  storage: "opfs",
  properties: { "min.insync.replicas": "2" },
  nodes: [
    { nodeId: 1, running: true },
    { nodeId: 2, running: false },
    { nodeId: 3, running: true },
  ],
};

describe("parseLayout", () => {
  it("reads back what was saved", () => {
    expect(parseLayout(JSON.stringify(layout))).toEqual(layout);
  });

  it("ignores anything else in the slot instead of throwing", () => {
    expect(parseLayout(null)).toBeNull();
    expect(parseLayout("{not json")).toBeNull();
    expect(parseLayout(JSON.stringify({ ...layout, version: 2 }))).toBeNull();
    expect(parseLayout(JSON.stringify({ ...layout, storage: "cookies" }))).toBeNull();
    expect(
      parseLayout(JSON.stringify({ ...layout, nodes: [{ nodeId: "1", running: true }] })),
    ).toBeNull();
    expect(parseLayout(JSON.stringify({ ...layout, voters: [] }))).toBeNull();
    expect(parseLayout(JSON.stringify({ ...layout, properties: { acks: 1 } }))).toBeNull();
  });
});
