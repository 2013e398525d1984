import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error.ts";
import {
  DEFAULT_CLUSTER_ID,
  DEFAULT_LOG_DIR,
  deriveServerConfig,
  metaPropertiesPath,
  type StoredMeta,
} from "./server-properties.ts";

const COMBINED = {
  "node.id": "1",
  "process.roles": "broker,controller",
  listeners: "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:19092",
  "controller.quorum.voters": "1@127.0.0.1:19092,2@127.0.0.1:19093,3@127.0.0.1:19094",
  "log.dirs": "/data/broker-1",
};

function derive(overrides: Record<string, string | undefined>, options = {}) {
  const entries = Object.entries({ ...COMBINED, ...overrides }).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return deriveServerConfig(new Map(entries), options);
}

function problem(overrides: Record<string, string | undefined>, options = {}): string {
  try {
    derive(overrides, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("server.properties → node config", () => {
  it("derives a combined broker,controller node", () => {
    const config = derive({ "min.insync.replicas": " 2 " });
    expect(config.node).toEqual({
      nodeId: 1,
      clusterId: DEFAULT_CLUSTER_ID,
      voters: [1, 2, 3],
      controllerEndpoints: {
        1: { host: "127.0.0.1", port: 19092 },
        2: { host: "127.0.0.1", port: 19093 },
        3: { host: "127.0.0.1", port: 19094 },
      },
      properties: expect.objectContaining({ "min.insync.replicas": "2", "node.id": "1" }),
      advertised: {
        PLAINTEXT: { host: "127.0.0.1", port: 9092 },
        CONTROLLER: { host: "127.0.0.1", port: 19092 },
      },
    });
    expect(config.roles).toEqual(["broker", "controller"]);
    expect(config.listeners.map((listener) => `${listener.name}@${listener.port}`)).toEqual([
      "PLAINTEXT@9092",
      "CONTROLLER@19092",
    ]);
    expect(config.voterEndpoints.get(3)).toEqual({ host: "127.0.0.1", port: 19094 });
    expect(config.logDir).toBe("/data/broker-1");
    expect(config.maxFrameBytes).toBe(104_857_600);
  });

  it("derives a broker-only node that is not a voter", () => {
    const config = derive({
      "node.id": "4",
      "process.roles": "broker",
      listeners: "PLAINTEXT://127.0.0.1:9095",
    });
    expect(config.roles).toEqual(["broker"]);
    expect(config.node.voters).toEqual([1, 2, 3]);
    expect(config.node.advertised.CONTROLLER.port).toBe(0);
  });

  it("uses advertised.listeners, an empty host's host name, and the frame limit", () => {
    const config = derive(
      {
        "advertised.listeners": "PLAINTEXT://kafka-1.local:9092",
        listeners: "PLAINTEXT://:9092,CONTROLLER://127.0.0.1:19092",
        "socket.request.max.bytes": "1024",
      },
      { hostName: "ignored" },
    );
    expect(config.node.advertised.PLAINTEXT).toEqual({ host: "kafka-1.local", port: 9092 });
    expect(config.listeners[0]!.host).toBe("");
    expect(config.maxFrameBytes).toBe(1024);
    expect(
      derive({ listeners: "plaintext://:9092,CONTROLLER://[::1]:19092" }, { hostName: "box" }).node
        .advertised,
    ).toEqual({
      PLAINTEXT: { host: "box", port: 9092 },
      CONTROLLER: { host: "::1", port: 19092 },
    });
  });

  it("falls back from log.dirs to log.dir to Kafka's default", () => {
    expect(derive({ "log.dirs": undefined, "log.dir": "/x" }).logDir).toBe("/x");
    expect(derive({ "log.dirs": undefined }).logDir).toBe(DEFAULT_LOG_DIR);
  });

  it("takes the cluster id from meta.properties, else --cluster-id, else the default", () => {
    const stored = (clusterId: string, nodeId = 1): StoredMeta => ({
      path: "/data/broker-1/broker-1/meta.properties",
      meta: { version: 1, nodeId, clusterId, directoryId: "AAAAAAAAAAAAAAAAAAAAAA" },
    });
    const flag = "MkU3OEVBNTcwNTJENDM2Qk";
    expect(derive({}, { clusterId: flag }).node.clusterId).toBe(flag);
    expect(derive({}, { readMeta: () => stored("c2VydmVyLXByb3BlcnRpZQ") }).node.clusterId).toBe(
      "c2VydmVyLXByb3BlcnRpZQ",
    );
    let asked = "";
    derive(
      {},
      {
        readMeta: (logDir: string) => (
          (asked = metaPropertiesPath(logDir)),
          null
        ),
      },
    );
    expect(asked).toBe("/data/broker-1/meta.properties");
    expect(
      problem({}, { clusterId: flag, readMeta: () => stored("c2VydmVyLXByb3BlcnRpZQ") }),
    ).toMatch(/--cluster-id .* does not match cluster.id=/);
    expect(problem({}, { readMeta: () => stored(flag, 2) })).toMatch(
      /node.id 1 does not match node.id=2 stored in/,
    );
    expect(problem({}, { readMeta: () => ({ path: "/m", meta: null }) })).toMatch(
      /\/m is malformed/,
    );
    expect(problem({}, { clusterId: "not a uuid" })).toMatch(
      /--cluster-id: "not a uuid" is not a Kafka cluster id/,
    );
  });

  it.each([
    [{ "node.id": undefined }, /^node.id is required/],
    [{ "node.id": "one" }, /^node.id must be a whole number/],
    [{ "node.id": "-1" }, /^node.id must be 0 or more/],
    [{ "broker.id": "2" }, /^broker.id \(2\) must be equal to node.id \(1\)/],
    [{ "process.roles": undefined }, /^process.roles is required/],
    [
      { "process.roles": "broker,zookeeper" },
      /^process.roles takes broker and controller, not "zookeeper"/,
    ],
    [{ "process.roles": "broker,broker" }, /^process.roles must not list a role twice/],
    [{ "process.roles": "controller" }, /^process.roles=controller .* not supported/],
    [{ "controller.quorum.voters": undefined }, /^controller.quorum.voters is required/],
    [
      {
        "controller.quorum.voters": undefined,
        "controller.quorum.bootstrap.servers": "127.0.0.1:19092",
      },
      /^controller.quorum.bootstrap.servers .* not supported/,
    ],
    [
      { "controller.quorum.voters": "1@127.0.0.1" },
      /^controller.quorum.voters: "127.0.0.1" is not host:port/,
    ],
    [
      { "controller.quorum.voters": "one@127.0.0.1:19092" },
      /^controller.quorum.voters: "one@127.0.0.1:19092" is not id@host:port/,
    ],
    [
      { "controller.quorum.voters": "1@127.0.0.1:19092,1@127.0.0.1:19093" },
      /^controller.quorum.voters: node 1 is listed twice/,
    ],
    [{ "controller.quorum.voters": "1@127.0.0.1:99999" }, /^controller.quorum.voters: port 99999/],
    [
      { "controller.quorum.voters": "2@127.0.0.1:19093" },
      /^process.roles contains controller, so node.id 1 must be one of the controller.quorum.voters/,
    ],
    [
      { "process.roles": "broker" },
      /^process.roles is just broker, so node.id 1 must not be one of the controller.quorum.voters/,
    ],
    [{ listeners: undefined }, /^listeners is required/],
    [{ listeners: "PLAINTEXT:9092" }, /^listeners: "PLAINTEXT:9092" is not NAME:\/\/host:port/],
    [{ listeners: "SSL://127.0.0.1:9093" }, /^listeners: listener name SSL is not supported/],
    [
      { listeners: "PLAINTEXT://a:1,PLAINTEXT://a:2" },
      /^listeners: each listener must have a different name/,
    ],
    [
      { listeners: "PLAINTEXT://a:19092,CONTROLLER://a:19092" },
      /^listeners: each listener must have a different port/,
    ],
    [{ listeners: "CONTROLLER://127.0.0.1:19092" }, /^listeners must include a PLAINTEXT listener/],
    [{ listeners: "PLAINTEXT://127.0.0.1:9092" }, /^listeners must include a CONTROLLER listener/],
    [
      { "node.id": "4", "process.roles": "broker" },
      /^listeners must not include the CONTROLLER listener/,
    ],
    [
      { listeners: "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:19099" },
      /^controller.quorum.voters puts node 1 at port 19092, but its CONTROLLER listener is on port 19099/,
    ],
    [{ "controller.listener.names": "CTRL" }, /^controller.listener.names must be CONTROLLER/],
    [{ "inter.broker.listener.name": "INTERNAL" }, /^inter.broker.listener.name must be PLAINTEXT/],
    [
      { "listener.security.protocol.map": "PLAINTEXT:SSL" },
      /^listener.security.protocol.map: PLAINTEXT uses SSL/,
    ],
    [
      { "listener.security.protocol.map": "PLAINTEXT" },
      /^listener.security.protocol.map: "PLAINTEXT" is not NAME:PROTOCOL/,
    ],
    [{ "advertised.listeners": "PLAINTEXT://0.0.0.0:9092" }, /nonroutable meta-address 0.0.0.0/],
    [
      { listeners: "PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:19092" },
      /^listeners: .*nonroutable meta-address 0.0.0.0/,
    ],
    [{ "log.dirs": "/a,/b" }, /^log.dirs lists 2 directories/],
    [{ "min.insync.replicas": "0" }, /^min.insync.replicas must be at least 1, not 0/],
    [{ "socket.request.max.bytes": "lots" }, /^socket.request.max.bytes must be a whole number/],
    [{ "auto.create.topics.enable": "yes" }, /^auto.create.topics.enable must be true or false/],
    [{ "log.retention.ms": "soon" }, /^log.retention.ms must be a whole number/],
    [{ "log.cleanup.policy": "forever" }, /^log.cleanup.policy takes delete, compact/],
  ])("names the key of a bad setting: %j", (overrides, message) => {
    expect(problem(overrides)).toMatch(message);
  });

  it("passes unknown properties through, as Kafka ignores them with a warning", () => {
    expect(derive({ "some.plugin.setting": "x" }).node.properties["some.plugin.setting"]).toBe("x");
  });
});
