import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseClusterCommandLine } from "./cluster-command-line.ts";
import { bootstrapServers, planCluster, writeServerProperties } from "./cluster-layout.ts";
import { parseJavaProperties } from "./java-properties.ts";
import { deriveServerConfig } from "./server-properties.ts";

const layout = (brokers: number, voters?: number) =>
  planCluster({
    brokers,
    voters,
    dataDir: "/d",
    plaintextPort: (id) => 9091 + id,
    controllerPort: (id) => 19091 + id,
  });

describe("cluster-main's command line", () => {
  it("has Kafka-like defaults and takes every option", () => {
    expect(parseClusterCommandLine([])).toMatchObject({
      brokers: 3,
      dataDir: "./data/cluster",
      basePort: 9092,
      controllerBasePort: 19092,
      voters: null,
    });
    const parsed = parseClusterCommandLine([
      "--brokers",
      "5",
      "--data-dir=/tmp/x",
      "--base-port",
      "30000",
      "--voters",
      "5",
      "--override",
      "num.partitions=3",
    ]);
    expect(parsed).toMatchObject({
      brokers: 5,
      dataDir: "/tmp/x",
      basePort: 30000,
      controllerBasePort: 40000,
      voters: 5,
    });
    expect(parsed.overrides).toEqual(new Map([["num.partitions", "3"]]));
  });

  it("rejects bad options", () => {
    expect(() => parseClusterCommandLine(["--brokers", "three"])).toThrow(
      /--brokers must be a whole number/,
    );
    expect(() => parseClusterCommandLine(["--brokers"])).toThrow(/--brokers needs a value/);
    expect(() => parseClusterCommandLine(["--nodes", "3"])).toThrow(/unknown option --nodes/);
    expect(() => parseClusterCommandLine(["3"])).toThrow(/unexpected argument "3"/);
  });
});

describe("a local cluster's layout", () => {
  it("makes the first min(3, N) nodes voters and the rest brokers only", () => {
    const brokers = layout(4);
    expect(brokers.map((broker) => broker.properties.get("process.roles"))).toEqual([
      "broker,controller",
      "broker,controller",
      "broker,controller",
      "broker",
    ]);
    expect(brokers[0]!.properties.get("controller.quorum.voters")).toBe(
      "1@127.0.0.1:19092,2@127.0.0.1:19093,3@127.0.0.1:19094",
    );
    expect(brokers[3]!.properties.get("listeners")).toBe("PLAINTEXT://127.0.0.1:9095");
    expect(brokers[1]!.logDir).toBe("/d/broker-2");
    expect(bootstrapServers(brokers)).toBe(
      "127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094,127.0.0.1:9095",
    );
    expect(
      layout(2).map((broker) => broker.properties.get("offsets.topic.replication.factor")),
    ).toEqual(["2", "2"]);
    expect(layout(1)[0]!.properties.get("controller.quorum.voters")).toBe("1@127.0.0.1:19092");
  });

  it("plans configs that the broker accepts", () => {
    for (const broker of layout(5, 5)) {
      const config = deriveServerConfig(broker.properties);
      expect(config.node.nodeId).toBe(broker.nodeId);
      expect(config.node.voters).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it("takes 1, 3 or 5 voters, never more than the brokers", () => {
    expect(() => layout(3, 2)).toThrow(/--voters must be 1, 3 or 5, not 2/);
    expect(() => layout(3, 5)).toThrow(/--voters 5 needs at least 5 brokers/);
    expect(() => layout(0)).toThrow(/--brokers must be a whole number of 1 or more/);
    expect(() =>
      planCluster({
        brokers: 2,
        dataDir: "/d",
        plaintextPort: () => 9092,
        controllerPort: (id) => 19091 + id,
      }),
    ).toThrow(/ports overlap/);
  });

  it("writes each server.properties where its restart command says", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cluster-layout-"));
    try {
      const [broker] = planCluster({
        brokers: 1,
        dataDir,
        plaintextPort: () => 9092,
        controllerPort: () => 19092,
        properties: new Map([["num.partitions", "6"]]),
      });
      const path = writeServerProperties(broker!);
      expect(path).toBe(join(dataDir, "broker-1", "server.properties"));
      const text = readFileSync(path, "latin1");
      expect(text).toContain(`npm run broker -- --config ${path}`);
      expect(parseJavaProperties(text)).toEqual(broker!.properties);
      expect(broker!.properties.get("num.partitions")).toBe("6");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
