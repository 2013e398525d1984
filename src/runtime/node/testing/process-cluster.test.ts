import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { askApiVersions } from "./probe.ts";
import { ProcessCluster } from "./process-cluster.ts";

let cluster: ProcessCluster | null = null;
afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

describe("the process-control helper", () => {
  it("starts broker processes on free ports, kills one with SIGKILL, restarts it, and stops them all", async () => {
    cluster = await ProcessCluster.start({ brokers: 2 });
    expect(cluster.bootstrapServers).toMatch(/^127\.0\.0\.1:\d+,127\.0\.0\.1:\d+$/);
    expect(cluster.brokers.map((broker) => broker.properties.get("process.roles"))).toEqual([
      "broker,controller",
      "broker,controller",
    ]);
    for (const nodeId of [1, 2]) {
      const { host, port } = cluster.endpoint(nodeId);
      expect(port).not.toBe(9092);
      expect((await askApiVersions(host, port)).errorCode).toBe(0);
    }

    expect(await cluster.kill(2)).toEqual({ code: null, signal: "SIGKILL" });
    expect(cluster.isRunning(2)).toBe(false);
    await expect(askApiVersions("127.0.0.1", cluster.endpoint(2).port)).rejects.toThrow(
      /ECONNREFUSED/,
    );

    await cluster.restart(2);
    expect(cluster.isRunning(2)).toBe(true);
    expect((await askApiVersions("127.0.0.1", cluster.endpoint(2).port)).errorCode).toBe(0);

    const dataDir = cluster.dataDir;
    const first = cluster.process(1)!;
    await cluster.stop();
    cluster = null;
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(dataDir)).toBe(false);
  });
});
