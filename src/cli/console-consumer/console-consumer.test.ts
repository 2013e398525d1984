import { describe, expect, it } from "vitest";
import { produceRecords } from "../../client/consumer/testing/consumer-sim.ts";
import { consoleProducerTool } from "../console-producer/console-producer.ts";
import { BOOTSTRAP, toolSim } from "../testing/tool-sim.ts";
import { runTool } from "../testing/captured-io.ts";
import { expectUsageFailures } from "../testing/usage-failures.ts";
import { consoleConsumerTool } from "./console-consumer.ts";

const consume = ["--bootstrap-server", BOOTSTRAP];
const TIMEOUT_LINE =
  /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] ERROR Error processing message, terminating consumer process: {2}\(org\.apache\.kafka\.tools\.consumer\.ConsoleConsumer\)$/;

const offline = (args: string[]) => runTool(consoleConsumerTool, args);

describe("kafka-console-consumer command line", () => {
  it("prints Kafka's message and the usage for a bad command line, exit 1", async () => {
    const cases: [string[], string][] = [
      [["--bootstrap-server", "b:1"], "Exactly one of --include/--topic is required. "],
      [
        ["--bootstrap-server", "b:1", "--topic", "t", "--include", "t.*"],
        "Exactly one of --include/--topic is required. ",
      ],
      [
        ["--bootstrap-server", "b:1", "--include", "t", "--partition", "0"],
        "The topic is required when partition is specified.",
      ],
      [
        ["--bootstrap-server", "b:1", "--topic", "t", "--offset", "3"],
        "The partition is required when offset is specified.",
      ],
      [
        [
          "--bootstrap-server",
          "b:1",
          "--topic",
          "t",
          "--partition",
          "0",
          "--offset",
          "3",
          "--from-beginning",
        ],
        "Options from-beginning and offset cannot be specified together.",
      ],
      [["--topic", "t"], 'Missing required argument "[bootstrap-server]"'],
      [
        ["--bootstrap-server", "b:1", "--topic", "t", "--group", "g", "--partition", "1"],
        "Options group and partition cannot be specified together.",
      ],
      [
        [
          "--bootstrap-server",
          "b:1",
          "--topic",
          "t",
          "--group",
          "g",
          "--consumer-property",
          "group.id=h",
        ],
        "The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: 'g', 'h'",
      ],
      [
        ["--bootstrap-server", "b:1", "--topic", "t", "--partition", "0", "--offset", "-4"],
        "The provided offset value '-4' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.",
      ],
      [
        ["--bootstrap-server", "b:1", "--topic", "t", "--max-messages", "many"],
        "Cannot parse argument 'many' of option max-messages",
      ],
      [["--bootstrap-server", "b:1", "--topic", "t", "--nope"], "nope is not a recognized option"],
    ];
    await expectUsageFailures(consoleConsumerTool, cases, /^Option {2,}Description/);
    expect(
      await offline([
        "--bootstrap-server",
        "b:1",
        "--topic",
        "t",
        "--from-beginning",
        "--consumer-property",
        "auto.offset.reset=latest",
      ]),
    ).toEqual({
      exitCode: 1,
      out: [],
      err: [
        "Can't simultaneously specify --from-beginning and 'auto.offset.reset=latest', please remove one option",
      ],
    });
  });
});

describe("kafka-console-consumer against a cluster", () => {
  it("reads back what the console producer wrote: keys, headers and every print property", async () => {
    const { sim, run } = await toolSim(421, [{ name: "greetings", partitions: 1 }]);
    const before = sim.scheduler.nowMs();
    const produced = await run(
      consoleProducerTool,
      [
        "--bootstrap-server",
        BOOTSTRAP,
        "--topic",
        "greetings",
        "--property",
        "parse.key=true",
        "--property",
        "parse.headers=true",
        "--property",
        "null.marker=~",
      ],
      {
        stdin: [
          "lang:ko,tone:warm\tk1\t안녕",
          "lang:en\tk2\thello world",
          "~\t~\tno key, no headers",
          "h:~\tk4\t~",
        ],
      },
    );
    expect(produced).toEqual({ exitCode: 0, out: [], err: [] });
    const after = sim.scheduler.nowMs();
    const read = await run(consoleConsumerTool, [
      ...consume,
      "--topic",
      "greetings",
      "--from-beginning",
      "--max-messages",
      "4",
      "--property",
      "print.timestamp=true",
      "--property",
      "print.partition=true",
      "--property",
      "print.offset=true",
      "--property",
      "print.headers=true",
      "--property",
      "print.key=true",
    ]);
    expect(read.exitCode).toBe(0);
    expect(read.err).toEqual(["Processed a total of 4 messages"]);
    const timestamps = read.out.map((line) => Number(/^CreateTime:(\d+)\t/.exec(line)?.[1]));
    for (const timestamp of timestamps) {
      expect(timestamp).toBeGreaterThanOrEqual(before);
      expect(timestamp).toBeLessThanOrEqual(after);
    }
    expect(read.out.map((line) => line.replace(/^CreateTime:\d+\t/, ""))).toEqual([
      "Partition:0\tOffset:0\tlang:ko,tone:warm\tk1\t안녕",
      "Partition:0\tOffset:1\tlang:en\tk2\thello world",
      "Partition:0\tOffset:2\tNO_HEADERS\tnull\tno key, no headers",
      "Partition:0\tOffset:3\th:null\tk4\tnull",
    ]);
    // Custom separators: everything on one line, ended by the shell.
    const joined = await run(consoleConsumerTool, [
      ...consume,
      "--topic",
      "greetings",
      "--from-beginning",
      "--max-messages",
      "2",
      "--property",
      "print.key=true",
      "--property",
      "key.separator==",
      "--property",
      "line.separator=;",
    ]);
    expect(joined.out).toEqual(["k1=안녕;k2=hello world;"]);
  }, 120_000);

  it("--max-messages stops there, and a group's next run starts after the last record printed", async () => {
    const { run } = await toolSim(422, [{ name: "numbers", partitions: 1 }]);
    const values = Array.from({ length: 10 }, (_, index) => `n${index}`);
    await run(consoleProducerTool, ["--bootstrap-server", BOOTSTRAP, "--topic", "numbers"], {
      stdin: values,
    });
    const group = [
      "--topic",
      "numbers",
      "--group",
      "readers",
      "--from-beginning",
      "--property",
      "print.offset=true",
    ];
    const first = await run(consoleConsumerTool, [...consume, ...group, "--max-messages", "4"]);
    expect(first).toEqual({
      exitCode: 0,
      out: ["Offset:0\tn0", "Offset:1\tn1", "Offset:2\tn2", "Offset:3\tn3"],
      err: ["Processed a total of 4 messages"],
    });
    const second = await run(consoleConsumerTool, [...consume, ...group, "--max-messages", "6"]);
    expect(second.out).toEqual(
      values.slice(4).map((value, index) => `Offset:${index + 4}\t${value}`),
    );
    // Without a group, a random one that commits nothing: from the beginning again.
    const anonymous = await run(consoleConsumerTool, [
      ...consume,
      "--topic",
      "numbers",
      "--from-beginning",
      "--max-messages",
      "1",
    ]);
    expect(anonymous.out).toEqual(["n0"]);
  }, 120_000);

  it("--partition with --offset N, earliest or latest reads one partition without a group", async () => {
    const { sim, run } = await toolSim(423, [{ name: "spread", partitions: 3 }]);
    await produceRecords(sim, "spread", 1, ["p1-0", "p1-1", "p1-2", "p1-3", "p1-4"]);
    await produceRecords(sim, "spread", 2, ["p2-0"]);
    const partition = (...args: string[]) =>
      run(consoleConsumerTool, [
        ...consume,
        "--topic",
        "spread",
        "--property",
        "print.offset=true",
        ...args,
      ]);
    const fromTwo = await partition("--partition", "1", "--offset", "2", "--max-messages", "3");
    expect(fromTwo.out).toEqual(["Offset:2\tp1-2", "Offset:3\tp1-3", "Offset:4\tp1-4"]);
    expect(fromTwo.err).toEqual(["Processed a total of 3 messages"]);
    const earliest = await partition(
      "--partition",
      "2",
      "--offset",
      "earliest",
      "--max-messages",
      "1",
    );
    expect(earliest.out).toEqual(["Offset:0\tp2-0"]);
    const latest = await partition("--partition", "1", "--timeout-ms", "3000");
    expect(latest.exitCode).toBe(0);
    expect(latest.out).toEqual([]);
    expect(latest.err[0]).toMatch(TIMEOUT_LINE);
    expect(latest.err.slice(1)).toEqual([
      "org.apache.kafka.common.errors.TimeoutException",
      "Processed a total of 0 messages",
    ]);
  }, 120_000);

  it("--include reads every topic whose whole name matches", async () => {
    const { sim, run } = await toolSim(424, [
      { name: "logs-a", partitions: 1 },
      { name: "logs-b", partitions: 1 },
      { name: "xlogs-c", partitions: 1 },
    ]);
    await produceRecords(sim, "logs-a", 0, ["from a"]);
    await produceRecords(sim, "logs-b", 0, ["from b"]);
    await produceRecords(sim, "xlogs-c", 0, ["from c"]);
    const read = await run(consoleConsumerTool, [
      ...consume,
      "--include",
      "logs-.*",
      "--from-beginning",
      "--timeout-ms",
      "10000",
    ]);
    expect(read.exitCode).toBe(0);
    expect([...read.out].sort()).toEqual(["from a", "from b"]);
    expect(read.err.at(-1)).toBe("Processed a total of 2 messages");

    const bad = await run(consoleConsumerTool, [
      ...consume,
      "--include",
      "logs-(",
      "--from-beginning",
    ]);
    expect(bad.exitCode).toBe(1);
    expect(bad.err[0]).toMatch(
      /ERROR Unknown error when running consumer: {2}\(org\.apache\.kafka\.tools\.consumer\.ConsoleConsumer\)$/,
    );
    expect(bad.err[1]).toMatch(/^java\.util\.regex\.PatternSyntaxException: /);
  }, 120_000);
});
