import { describe, expect, it } from "vitest";
import { ConfigError } from "../cluster/client-cluster.ts";
import { resolveProducerConfig } from "./producer-config.ts";

describe("resolveProducerConfig", () => {
  it("has Kafka 4.0's defaults", () => {
    expect(resolveProducerConfig({})).toEqual({
      acks: -1,
      idempotent: true,
      lingerMs: 5,
      batchSize: 16_384,
      maxInFlight: 5,
      retries: 2147483647,
      deliveryTimeoutMs: 120_000,
      requestTimeoutMs: 30_000,
      retryBackoffMs: 100,
      retryBackoffMaxMs: 1000,
      compression: "none",
      partitionerClass: null,
      ignoreKeys: false,
      adaptivePartitioning: true,
      maxRequestSize: 1_048_576,
      bufferMemory: 33_554_432,
      maxBlockMs: 60_000,
      allowAutoTopicCreation: true,
    });
  });

  it("takes Kafka's names (as Java properties strings too) over KafkaJS's", () => {
    const config = resolveProducerConfig({
      "enable.idempotence": "false",
      idempotent: true,
      acks: "1",
      "linger.ms": "20",
      "max.in.flight.requests.per.connection": 2,
      maxInFlightRequests: 9,
      retry: { retries: 3, initialRetryTime: 300, maxRetryTime: 5000 },
      "retry.backoff.ms": 50,
      "compression.type": "LZ4",
    });
    expect(config).toMatchObject({
      idempotent: false,
      acks: 1,
      lingerMs: 20,
      maxInFlight: 2,
      retries: 3,
      retryBackoffMs: 50,
      retryBackoffMaxMs: 5000,
      compression: "lz4",
    });
    expect(resolveProducerConfig({ acks: "all", "compression.type": 4 }).compression).toBe("zstd");
  });

  it("refuses idempotence asked for explicitly with a conflicting setting (Kafka's ConfigException)", () => {
    expect(() => resolveProducerConfig({ "enable.idempotence": true, acks: 1 })).toThrow(
      new ConfigError(
        "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.",
      ),
    );
    expect(() => resolveProducerConfig({ idempotent: true, retries: 0 })).toThrow(
      "Must set retries to non-zero when using the idempotent producer.",
    );
    expect(() =>
      resolveProducerConfig({
        "enable.idempotence": "true",
        "max.in.flight.requests.per.connection": 6,
      }),
    ).toThrow(
      "Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.",
    );
  });

  it("turns default idempotence off when another setting conflicts (Kafka 3.2+)", () => {
    expect(resolveProducerConfig({ acks: 0 }).idempotent).toBe(false);
    expect(resolveProducerConfig({ retries: 0 }).idempotent).toBe(false);
    expect(resolveProducerConfig({ maxInFlightRequests: 10 }).idempotent).toBe(false);
  });

  it("checks delivery.timeout.ms against linger.ms + request.timeout.ms", () => {
    expect(() =>
      resolveProducerConfig({ "delivery.timeout.ms": 10_000, "request.timeout.ms": 30_000 }),
    ).toThrow(
      "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms",
    );
    // Left at its default, it is raised instead.
    expect(resolveProducerConfig({ "request.timeout.ms": 200_000 }).deliveryTimeoutMs).toBe(
      200_005,
    );
  });

  it("names the config and the rule for a bad value", () => {
    expect(() => resolveProducerConfig({ acks: 2 })).toThrow(
      "Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1",
    );
    expect(() => resolveProducerConfig({ acks: "most" })).toThrow(
      "Invalid configuration value for 'acks': most",
    );
    expect(() => resolveProducerConfig({ "linger.ms": -1 })).toThrow(
      "Invalid value -1 for configuration linger.ms: Value must be at least 0",
    );
    expect(() => resolveProducerConfig({ "batch.size": "big" })).toThrow(
      "Invalid value big for configuration batch.size: Not a number of type INT",
    );
    expect(() => resolveProducerConfig({ "compression.type": "brotli" })).toThrow(
      "Invalid value brotli for configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd",
    );
    expect(() => resolveProducerConfig({ "partitioner.ignore.keys": "maybe" })).toThrow(
      "Invalid value maybe for configuration partitioner.ignore.keys: Expected value to be either true or false",
    );
  });

  it("says clearly that transactions are not supported", () => {
    expect(() => resolveProducerConfig({ transactionalId: "tx-1" })).toThrow(
      /transactions are not supported/,
    );
    expect(() => resolveProducerConfig({ "transactional.id": "tx-1" })).toThrow(ConfigError);
  });
});
