import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { readyCluster } from "./testing/ready-cluster.ts";
import {
  batchOf,
  createTopic,
  fetchValues,
  mustConnect,
  produce,
  waitForLeaders,
} from "./testing/cluster-requests.ts";

describe("a simulated three-node cluster", () => {
  it("elects one controller, unfences every broker, creates a topic and replicates acks=all writes", async () => {
    const cluster = await readyCluster(1);
    const leaders = cluster.nodeIds.map((id) => cluster.node(id)!.status().raftLeader);
    expect(new Set(leaders).size).toBe(1);

    const created = await createTopic(cluster, 1, "orders", 3, 3);
    expect(created.topics[0]!.errorCode).toBe(ErrorCode.NONE);
    const partitionLeaders = await waitForLeaders(cluster, 2, "orders");
    expect(partitionLeaders).not.toBeNull();
    expect(new Set(partitionLeaders).size).toBe(3);

    const leader = partitionLeaders![0]!;
    const producer = mustConnect(cluster, "producer", leader);
    const answer = await produce(producer, cluster, "orders", 0, batchOf(["a", "b", "c"]), -1);
    const part = answer.responses[0]!.partitionResponses[0]!;
    expect(part.errorCode).toBe(ErrorCode.NONE);
    expect(part.baseOffset).toBe(0n);

    const consumer = mustConnect(cluster, "consumer", leader);
    const fetched = await fetchValues(consumer, cluster, "orders", 0, 0n);
    expect(fetched.values).toEqual(["a", "b", "c"]);
    expect(fetched.highWatermark).toBe(3n);
  }, 60_000);

  it("tells the page what happens: requests in and out, appends, offsets, segment rolls, roles", async () => {
    const cluster = await readyCluster(2);
    await createTopic(cluster, 1, "rolling", 1, 3, { "segment.bytes": "1024" });
    const [leader] = (await waitForLeaders(cluster, 1, "rolling"))!;
    const producer = mustConnect(cluster, "producer", leader!);
    for (let i = 0; i < 6; i++) {
      const answer = await produce(
        producer,
        cluster,
        "rolling",
        0,
        batchOf([`${i}`.repeat(400)]),
        -1,
      );
      expect(answer.responses[0]!.partitionResponses[0]!.errorCode).toBe(ErrorCode.NONE);
    }
    const events = cluster.telemetry;
    const about = (kind: string) =>
      events.filter((e) => e.kind === kind && (!("topic" in e) || e.topic === "rolling"));
    expect(
      about("request").some((e) => e.kind === "request" && e.apiKey === 0 && e.direction === "in"),
    ).toBe(true);
    expect(
      about("request").some((e) => e.kind === "request" && e.apiKey === 0 && e.direction === "out"),
    ).toBe(true);
    expect(about("records-appended").length).toBeGreaterThanOrEqual(6 * 3);
    // Every replica rolls its own segments.
    expect(
      new Set(
        about("segment")
          .filter((e) => e.kind === "segment" && e.action === "rolled")
          .map((e) => e.node),
      ).size,
    ).toBe(3);
    expect(
      about("partition-role").filter((e) => e.kind === "partition-role" && e.role === "leader"),
    ).toHaveLength(1);
    const lastOffsets = about("log-offsets")
      .filter((e) => e.kind === "log-offsets" && e.node === leader)
      .at(-1);
    expect(lastOffsets).toMatchObject({ logEndOffset: 6n, highWatermark: 6n });
  }, 60_000);
});
