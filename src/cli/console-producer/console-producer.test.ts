import { describe, expect, it } from "vitest";
import { consoleConsumerTool } from "../console-consumer/console-consumer.ts";
import { runTool } from "../testing/captured-io.ts";
import { consoleProducerOptionParser, producerProperties } from "./console-producer-options.ts";
import { consoleProducerTool } from "./console-producer.ts";
import { BOOTSTRAP, toolSim } from "../testing/tool-sim.ts";

const offline = (args: string[]) => runTool(consoleProducerTool, args);

function propertiesOf(args: string[]): Record<string, string> {
  const parsed = consoleProducerOptionParser().parse(args);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return Object.fromEntries(producerProperties(parsed.options));
}

/** joptsimple pads the header row to the table's width. */
const isUsageHeader = (line: string | undefined) => /^Option {2,}Description\s*$/.test(line ?? "");

describe("kafka-console-producer command line", () => {
  it("merges options over --producer-property as Kafka's maybeMergeOptions does", () => {
    expect(propertiesOf(["--bootstrap-server", "b:9092", "--topic", "t"])).toEqual({
      "bootstrap.servers": "b:9092",
      "compression.type": "none",
      "client.id": "console-producer",
      "linger.ms": "1000",
      acks: "-1",
      "request.timeout.ms": "1500",
      retries: "3",
      "retry.backoff.ms": "100",
      "send.buffer.bytes": "102400",
      "buffer.memory": "33554432",
      "batch.size": "16384",
      "metadata.max.age.ms": "300000",
      "max.block.ms": "60000",
    });
    // A property stands unless its option is given; compression.type always follows the codec.
    const merged = propertiesOf([
      "--bootstrap-server",
      "b:9092",
      "--topic",
      "t",
      "--producer-property",
      "acks=1",
      "--producer-property",
      "linger.ms=7",
      "--producer-property",
      "compression.type=zstd",
      "--producer-property",
      "client.id=mine",
      "--timeout",
      "20",
      "--compression-codec",
      "--batch-size",
      "100",
      "--max-partition-memory-bytes",
      "200",
    ]);
    expect(merged).toMatchObject({
      acks: "1",
      "linger.ms": "20",
      "compression.type": "gzip",
      "client.id": "mine",
      "batch.size": "200",
    });
  });

  it("prints Kafka's message and the usage for a bad command line, exit 1", async () => {
    const none = await offline([]);
    expect(none.exitCode).toBe(1);
    expect(none.err[0]).toBe(
      "This tool helps to read data from standard input and publish it to Kafka.",
    );
    expect(none.err.some(isUsageHeader)).toBe(true);
    expect(none.err.some((line) => line.startsWith("--bootstrap-server <String: server to"))).toBe(
      true,
    );

    const noTopic = await offline(["--bootstrap-server", "b:9092"]);
    expect(noTopic.exitCode).toBe(1);
    expect(noTopic.err[0]).toBe('Missing required argument "[topic]"');
    expect(isUsageHeader(noTopic.err[1])).toBe(true);

    const noBootstrap = await offline(["--topic", "t"]);
    expect(noBootstrap.err.slice(0, 2)).toEqual([
      "Error while validating the bootstrap address",
      "",
    ]);
    expect(isUsageHeader(noBootstrap.err[2])).toBe(true);
    const badBootstrap = await offline(["--topic", "t", "--bootstrap-server", "localhost"]);
    expect(badBootstrap.err[0]).toBe("Please provide valid host:port like host1:9091,host2:9092");

    expect((await offline(["--topic", "t", "--nope"])).err[0]).toBe(
      "nope is not a recognized option",
    );
    expect((await offline(["--topic", "t", "--batch-size", "big"])).err[0]).toBe(
      "Cannot parse argument 'big' of option batch-size",
    );
    expect((await offline(["--topic", "t", "--timeout", "1", "--timeout", "2"])).err[0]).toBe(
      "Found multiple arguments for option timeout, but you asked for only one",
    );

    const config = await offline([
      "--topic",
      "t",
      "--bootstrap-server",
      "b:9092",
      "--producer.config",
      "p.properties",
    ]);
    expect(config.exitCode).toBe(1);
    expect(config.err[0]).toBe(
      "--producer.config is not supported here: pass each setting with --producer-property key=value",
    );
  });

  it("fails as Kafka's reader and producer constructors fail, before reading a line", async () => {
    const clash = await offline([
      "--topic",
      "t",
      "--bootstrap-server",
      "b:9092",
      "--property",
      "headers.delimiter=,",
    ]);
    expect(clash).toEqual({
      exitCode: 1,
      out: [],
      err: [
        "org.apache.kafka.common.KafkaException: headers.delimiter and headers.separator may not be equal",
      ],
    });
    const acks = await offline([
      "--topic",
      "t",
      "--bootstrap-server",
      "b:9092",
      "--request-required-acks",
      "2",
    ]);
    expect(acks.exitCode).toBe(1);
    expect(acks.err).toEqual([
      "org.apache.kafka.common.config.ConfigException: Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1",
    ]);
  });
});

describe("kafka-console-producer against a cluster", () => {
  const consumeAll = ["--bootstrap-server", BOOTSTRAP, "--from-beginning", "--timeout-ms", "10000"];

  it("logs a failed send as Kafka's ErrorLoggingCallback and goes on; --sync stops at it", async () => {
    const { run } = await toolSim(411, [
      { name: "async", partitions: 1 },
      { name: "sync", partitions: 1 },
    ]);
    const big = "x".repeat(200);
    const limit = ["--producer-property", "max.request.size=150"];
    const asyncRun = await run(
      consoleProducerTool,
      ["--bootstrap-server", BOOTSTRAP, "--topic", "async", ...limit],
      { stdin: ["short", big, "after"] },
    );
    expect(asyncRun.exitCode).toBe(0);
    expect(asyncRun.err).toHaveLength(2);
    expect(asyncRun.err[0]).toMatch(
      /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] ERROR Error when sending message to topic async with key: null, value: 200 bytes with error: \(org\.apache\.kafka\.clients\.producer\.internals\.ErrorLoggingCallback\)$/,
    );
    expect(asyncRun.err[1]).toMatch(
      /^org\.apache\.kafka\.common\.errors\.RecordTooLargeException: The message is \d+ bytes when serialized which is larger than 150, which is the value of the max\.request\.size configuration\.$/,
    );
    const asyncRead = await run(consoleConsumerTool, [...consumeAll, "--topic", "async"]);
    expect(asyncRead.out).toEqual(["short", "after"]);

    const syncRun = await run(
      consoleProducerTool,
      ["--bootstrap-server", BOOTSTRAP, "--topic", "sync", "--sync", ...limit],
      { stdin: ["short", big, "after"] },
    );
    expect(syncRun.exitCode).toBe(1);
    expect(syncRun.err).toHaveLength(1);
    expect(syncRun.err[0]).toMatch(
      /^java\.util\.concurrent\.ExecutionException: org\.apache\.kafka\.common\.errors\.RecordTooLargeException: The message is \d+ bytes/,
    );
    const syncRead = await run(consoleConsumerTool, [...consumeAll, "--topic", "sync"]);
    expect(syncRead.out).toEqual(["short"]);
  }, 120_000);

  it("stops at a line it cannot parse, after sending the lines before it", async () => {
    const { run } = await toolSim(412, [{ name: "keyed", partitions: 1 }]);
    const produced = await run(
      consoleProducerTool,
      [
        "--bootstrap-server",
        BOOTSTRAP,
        "--topic",
        "keyed",
        "--property",
        "parse.key=true",
        "--property",
        "key.separator=:",
      ],
      { stdin: ["k1:v1", "k2:v2", "no separator here", "k4:v4"] },
    );
    expect(produced).toEqual({
      exitCode: 1,
      out: [],
      err: [
        "org.apache.kafka.common.KafkaException: No key separator found on line number 3: 'no separator here'",
      ],
    });
    const read = await run(consoleConsumerTool, [
      ...consumeAll,
      "--topic",
      "keyed",
      "--property",
      "print.key=true",
    ]);
    expect(read.out).toEqual(["k1\tv1", "k2\tv2"]);
  }, 120_000);
});
