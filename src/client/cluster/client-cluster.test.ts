import { describe, expect, it } from "vitest";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { CreateTopicsResponse } from "../../protocol/generated/messages/create-topics-response.ts";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { RequestTimeoutError } from "../connection-pool.ts";
import { ConnectionError } from "../connection.ts";
import { ClientCluster, ConfigError } from "./client-cluster.ts";

describe("ClientCluster", () => {
  it("bootstraps from one address, learns every broker, and routes admin requests to the controller", async () => {
    const sim = await readyCluster(11);
    const cluster = new ClientCluster({
      clientId: "test",
      brokers: ["node-2:9092"],
      io: simClientIo(sim, "client"),
    });
    const metadata = await sim.runWhile(cluster.refreshMetadata(null));
    expect([...metadata.brokers.keys()].sort()).toEqual([1, 2, 3]);
    expect(metadata.brokers.get(3)).toMatchObject({ host: "node-3", port: 9092 });
    expect(metadata.controllerId).toBeGreaterThan(0);

    const { response, version } = await sim.runWhile(
      cluster.requestController<CreateTopicsResponse>(ApiKey.CreateTopics, {
        topics: [
          { name: "orders", numPartitions: 3, replicationFactor: 3, assignments: [], configs: [] },
        ],
        timeoutMs: 30_000,
        validateOnly: false,
      }),
    );
    expect(response.topics[0]!.errorCode).toBe(ErrorCode.NONE);
    // The highest version both sides support: the broker's newest CreateTopics.
    expect(version).toBe(7);

    const ready = await sim.scheduler.runUntil(() => {
      void cluster.refreshMetadata(["orders"]).catch(() => {});
      return [0, 1, 2].every((partition) => cluster.leaderFor("orders", partition) !== null);
    }, 20_000);
    expect(ready).toBe(true);
    const topic = cluster.metadata.topics.get("orders")!;
    expect(topic.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
    expect(topic.partitions.every((p) => p.replicas.length === 3)).toBe(true);
    cluster.close();
  }, 60_000);

  it("refuses a bad bootstrap address when it is built, as Kafka's config check does", () => {
    const io = { connect: () => null, nowMs: () => 0, after: () => {}, random: () => 0 };
    expect(() => new ClientCluster({ clientId: "x", brokers: ["no-port"], io })).toThrow(
      ConfigError,
    );
    expect(() => new ClientCluster({ clientId: "x", brokers: [], io })).toThrow(ConfigError);
    expect(() => new ClientCluster({ clientId: "x", brokers: ["h:99999"], io })).toThrow(
      /Invalid url in bootstrap.servers: h:99999/,
    );
  });

  it("fails clearly when no bootstrap server answers", async () => {
    const sim = await readyCluster(12);
    const cluster = new ClientCluster({
      clientId: "test",
      brokers: ["node-9:9092"],
      io: simClientIo(sim, "client"),
    });
    await expect(sim.runWhile(cluster.refreshMetadata(null))).rejects.toThrow(ConnectionError);
  }, 60_000);

  it("times a request out after request.timeout.ms when the broker stops answering", async () => {
    const sim = await readyCluster(13);
    const cluster = new ClientCluster({
      clientId: "test",
      brokers: ["node-1:9092"],
      io: simClientIo(sim, "client"),
      requestTimeoutMs: 2000,
    });
    await sim.runWhile(cluster.refreshMetadata(null));
    const ask = () =>
      cluster.request(1, ApiKey.Metadata, {
        topics: [],
        allowAutoTopicCreation: false,
        includeClusterAuthorizedOperations: false,
        includeTopicAuthorizedOperations: false,
      });
    await sim.runWhile(ask()); // the connection to node 1 is open
    sim.cut("client", 1);
    const startedAt = sim.scheduler.nowMs();
    await expect(sim.runWhile(ask())).rejects.toThrow(RequestTimeoutError);
    expect(sim.scheduler.nowMs() - startedAt).toBeGreaterThanOrEqual(2000);
    expect(sim.scheduler.nowMs() - startedAt).toBeLessThan(2100);
  }, 60_000);
});
