import { describe, expect, it } from "vitest";
import { formatLogLine, formatLogTime, KAFKA_RAFT_SERVER, KafkaLogger } from "./kafka-log.ts";
import { createLogTelemetry, describeEvent } from "./telemetry-log.ts";

const AT = new Date(2026, 10, 22, 7, 40, 0, 123);

describe("Kafka-style log lines", () => {
  it("formats the time as log4j's ISO8601 pattern, in local time", () => {
    expect(formatLogTime(AT)).toBe("2026-11-22 07:40:00,123");
    expect(formatLogTime(new Date(2026, 0, 2, 3, 4, 5, 6))).toBe("2026-01-02 03:04:05,006");
  });

  it("writes [time] LEVEL [context] message (logger), one line per event", () => {
    expect(formatLogLine(AT, "INFO", KAFKA_RAFT_SERVER(1), "Kafka Server started")).toBe(
      "[2026-11-22 07:40:00,123] INFO [KafkaRaftServer nodeId=1] Kafka Server started (kafka.server.KafkaRaftServer)",
    );
    expect(formatLogLine(AT, "WARN", { logger: "kafka.Kafka$" }, "two\nlines")).toBe(
      "[2026-11-22 07:40:00,123] WARN two lines (kafka.Kafka$)",
    );
  });

  it("drops lines below its level and puts an error's stack after the line", () => {
    const out: string[] = [];
    const logger = new KafkaLogger(
      (text) => out.push(text),
      "INFO",
      () => AT,
    );
    logger.log("DEBUG", { logger: "x" }, "hidden");
    logger.error({ logger: "x" }, "failed", new Error("boom"));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\[2026-11-22 07:40:00,123\] ERROR failed \(x\)\nError: boom\n {4}at /);
  });
});

describe("telemetry as log lines", () => {
  it("prints key events at INFO and errors with their Kafka error name", () => {
    const out: string[] = [];
    const sink = createLogTelemetry(
      new KafkaLogger(
        (text) => out.push(text),
        "INFO",
        () => AT,
      ),
    );
    sink.emit({ kind: "raft", node: 2, role: "leader", epoch: 3, leader: 2, highWatermark: 10n });
    sink.emit({
      kind: "isr-changed",
      node: 1,
      topic: "orders",
      partition: 0,
      isr: [1, 2],
      leaderEpoch: 4,
      partitionEpoch: 7,
    });
    sink.emit({
      kind: "error",
      node: 1,
      where: "replica fetcher",
      message: "fetch failed",
      errorCode: 6,
    });
    sink.emit({
      kind: "request",
      node: 1,
      direction: "in",
      peer: "client",
      apiKey: 18,
      apiVersion: 3,
      correlationId: 1,
      bytes: 40,
    });
    expect(out).toEqual([
      "[2026-11-22 07:40:00,123] INFO [RaftManager id=2] Completed transition to Leader(epoch=3, leader=2, highWatermark=10) (org.apache.kafka.raft.QuorumState)\n",
      "[2026-11-22 07:40:00,123] INFO [Partition orders-0 broker=1] ISR updated to 1,2 and version updated to 7 (leader epoch 4) (kafka.cluster.Partition)\n",
      "[2026-11-22 07:40:00,123] ERROR [KafkaRaftServer nodeId=1] replica fetcher: fetch failed (NOT_LEADER_OR_FOLLOWER) (kafka.server.KafkaRaftServer)\n",
    ]);
  });

  it("describes requests at DEBUG, and a node's own fencing from its lifecycle manager", () => {
    expect(
      describeEvent({
        kind: "request",
        node: 1,
        direction: "in",
        peer: "p",
        apiKey: 18,
        apiVersion: 3,
        correlationId: 9,
        bytes: 40,
      }),
    ).toEqual({
      level: "DEBUG",
      source: { logger: "kafka.request.logger" },
      message:
        "Completed request:{api=ApiVersions, version=3, correlationId=9, peer=p, bytes=40, node=1}",
    });
    expect(
      describeEvent({ kind: "broker", node: 2, broker: 2, action: "unfenced" }).source.context,
    ).toBe("BrokerLifecycleManager id=2");
    expect(describeEvent({ kind: "broker", node: 1, broker: 2, action: "fenced" }).message).toBe(
      "Broker 2 fenced",
    );
  });
});
