import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { consoleConsumerTool } from "../console-consumer/console-consumer.ts";
import { BOOTSTRAP, toolSim } from "../testing/tool-sim.ts";
import { runTool } from "../testing/captured-io.ts";
import { formatFixed } from "../framework/java-format.ts";
import { producerPerfTool } from "./producer-perf-test.ts";

const USAGE_START = "usage: producer-performance [-h] --topic TOPIC --num-records NUM-RECORDS";
const WINDOW_LINE =
  /^(\d+) records sent, (\d+\.\d) records\/sec \((\d+\.\d\d) MB\/sec\), (\d+\.\d) ms avg latency, (\d+\.\d) ms max latency\.$/;
const TOTAL_LINE =
  /^(\d+) records sent, (\d+\.\d{6}) records\/sec \((\d+\.\d\d) MB\/sec\), (\d+\.\d\d) ms avg latency, (\d+\.\d\d) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.$/;

const offline = (args: string[]) => runTool(producerPerfTool, args);

const required = ["--topic", "t", "--num-records", "10", "--throughput", "-1"];

describe("kafka-producer-perf-test command line (argparse4j)", () => {
  it("prints the help on standard output: exit 0 with no arguments, 1 for -h (as Kafka)", async () => {
    const none = await offline([]);
    expect(none.exitCode).toBe(0);
    expect(none.err).toEqual([]);
    expect(none.out[0]).toBe(USAGE_START);
    expect(none.out).toContain("named arguments:");
    expect(none.out).toContain("  -h, --help             show this help message and exit");
    expect(none.out).toContain(
      "  either --record-size or --payload-file must be specified but not both.",
    );
    expect(none.out.some((line) => line.includes("(default: \\n)"))).toBe(true);
    const help = await offline(["--topic", "t", "-h"]);
    expect(help.exitCode).toBe(1);
    expect(help.out).toEqual(none.out);
  });

  it("prints the usage and argparse4j's error for each mistake, exit 1", async () => {
    const cases: [string[], string][] = [
      [
        ["--num-records", "10", "--throughput", "1", "--record-size", "1"],
        "argument --topic is required",
      ],
      [
        required,
        "one of the arguments --record-size --payload-file --payload-monotonic is required",
      ],
      [
        [...required, "--record-size", "5", "--payload-monotonic"],
        "argument --payload-monotonic: not allowed with argument --record-size",
      ],
      [
        ["--topic", "t", "--num-records", "many"],
        `argument --num-records: could not convert 'many' to Long (For input string: "many")`,
      ],
      [["--topic"], "argument --topic: expected one argument"],
      [
        [...required, "--record-size", "5", "--producer-props"],
        "argument --producer-props: expected at least one argument",
      ],
      [[...required, "--record-size", "5", "--bogus"], "unrecognized arguments: '--bogus'"],
      [
        ["--topic", "t", "--num-records", "0", "--throughput", "-1", "--record-size", "5"],
        "--num-records should be greater than zero",
      ],
      [
        [...required, "--record-size", "0", "--producer-props", "a=b"],
        "--record-size should be greater than zero",
      ],
      [
        [...required, "--record-size", "5"],
        "Either --producer-props or --producer.config must be specified.",
      ],
    ];
    for (const [args, message] of cases) {
      const run = await offline(args);
      expect(run.exitCode, args.join(" ")).toBe(1);
      expect(run.out, args.join(" ")).toEqual([]);
      expect(run.err[0], args.join(" ")).toBe(USAGE_START);
      expect(run.err.at(-1), args.join(" ")).toBe(`producer-performance: error: ${message}`);
    }
  });

  it("fails as Kafka's main does for a bad property or a missing bootstrap.servers", async () => {
    expect(await offline([...required, "--record-size", "5", "--producer-props", "acks"])).toEqual({
      exitCode: 1,
      out: [],
      err: [
        'Exception in thread "main" java.lang.IllegalArgumentException: Invalid property: acks',
      ],
    });
    expect(
      (await offline([...required, "--record-size", "5", "--producer-props", "acks=1"])).err,
    ).toEqual([
      'Exception in thread "main" org.apache.kafka.common.config.ConfigException: Missing required configuration "bootstrap.servers" which has no default value.',
    ]);
    const noFile = await offline([
      ...required,
      "--payload-file",
      "missing.txt",
      "--producer-props",
      "acks=1",
    ]);
    expect(noFile.out).toEqual(["Reading payloads from: missing.txt"]);
    expect(noFile.err).toEqual([
      'Exception in thread "main" java.lang.IllegalArgumentException: File does not exist or empty file provided.',
    ]);
  });
});

describe("kafka-producer-perf-test against a cluster", () => {
  it("holds --throughput and reports lines whose numbers add up", async () => {
    const { sim, run } = await toolSim(431, [{ name: "perf", partitions: 3 }]);
    const startedMs = sim.scheduler.nowMs();
    const result = await run(producerPerfTool, [
      "--topic",
      "perf",
      "--num-records",
      "3000",
      "--record-size",
      "100",
      "--throughput",
      "500",
      "--producer-props",
      `bootstrap.servers=${BOOTSTRAP}`,
      "acks=all",
      "linger.ms=5",
    ]);
    const runMs = sim.scheduler.nowMs() - startedMs;
    expect(result.exitCode).toBe(0);
    expect(result.err).toEqual([]);
    const windows = result.out.slice(0, -1).map((line) => WINDOW_LINE.exec(line));
    expect(windows.length).toBeGreaterThanOrEqual(1);
    let windowRecords = 0;
    for (const window of windows) {
      expect(window).not.toBeNull();
      const [, count, perSec, mbPerSec, avg, max] = window!.map(Number);
      windowRecords += count!;
      // A 5 s window at 500 records/s.
      expect(perSec).toBeGreaterThan(450);
      expect(perSec).toBeLessThan(550);
      expect(mbPerSec).toBeCloseTo((perSec! * 100) / 1024 / 1024, 2);
      expect(avg).toBeLessThanOrEqual(max!);
    }
    const total = TOTAL_LINE.exec(result.out.at(-1)!);
    expect(total, result.out.at(-1)).not.toBeNull();
    const [, count, perSec, mbPerSec, avg, max, p50, p95, p99, p999] = total!.map(Number);
    expect(count).toBe(3000);
    expect(windowRecords).toBeLessThanOrEqual(count!);
    // 3000 records at 500/s: about 6 s of node time, all of it inside the run.
    expect(perSec).toBeGreaterThan(480);
    expect(perSec).toBeLessThan(520);
    expect((count! / perSec!) * 1000).toBeLessThanOrEqual(runMs);
    expect(result.out.at(-1)).toContain(
      `(${formatFixed((perSec! * 100) / 1024 / 1024, 2)} MB/sec)`,
    );
    expect(mbPerSec).toBeGreaterThan(0);
    expect(avg).toBeLessThanOrEqual(max!);
    expect(p50).toBeLessThanOrEqual(p95!);
    expect(p95).toBeLessThanOrEqual(p99!);
    expect(p99).toBeLessThanOrEqual(p999!);
    expect(p999).toBeLessThanOrEqual(max!);
  }, 120_000);

  it("sends --payload-monotonic numbers and --payload-file payloads, and prints metrics", async () => {
    const { run } = await toolSim(432, [
      { name: "counting", partitions: 1 },
      { name: "words", partitions: 1 },
    ]);
    const props = ["--producer-props", `bootstrap.servers=${BOOTSTRAP}`];
    const counted = await run(producerPerfTool, [
      "--topic",
      "counting",
      "--num-records",
      "5",
      "--payload-monotonic",
      "--throughput",
      "-1",
      ...props,
      "--print-metrics",
    ]);
    expect(counted.exitCode).toBe(0);
    expect(counted.out[0]).toMatch(TOTAL_LINE);
    expect(counted.out[1]).toBe("");
    expect(counted.out[2]).toMatch(/^Metric Name {3,}Value$/);
    expect(counted.out).toContain(
      "producer-metrics:record-send-total:{client-id=perf-producer-client}       : 5.000",
    );
    const numbers = await run(consoleConsumerTool, [
      "--bootstrap-server",
      BOOTSTRAP,
      "--topic",
      "counting",
      "--from-beginning",
      "--max-messages",
      "5",
    ]);
    expect(numbers.out).toEqual(["0", "1", "2", "3", "4"]);

    const files = new MemoryFileSystem();
    const file = await files.open("payloads.txt", { create: true });
    file.append(new TextEncoder().encode("alpha;beta;gamma;"));
    await file.close();
    const fromFile = await run(
      producerPerfTool,
      [
        "--topic",
        "words",
        "--num-records",
        "20",
        "--payload-file",
        "payloads.txt",
        "--payload-delimiter",
        ";",
        "--throughput",
        "-1",
        ...props,
      ],
      { files },
    );
    expect(fromFile.exitCode).toBe(0);
    expect(fromFile.out.slice(0, 2)).toEqual([
      "Reading payloads from: payloads.txt",
      "Number of messages read: 3",
    ]);
    expect(fromFile.out[2]).toMatch(/^20 records sent, /);
    const words = await run(consoleConsumerTool, [
      "--bootstrap-server",
      BOOTSTRAP,
      "--topic",
      "words",
      "--from-beginning",
      "--max-messages",
      "20",
    ]);
    expect(words.out).toHaveLength(20);
    expect(new Set(words.out).size).toBeGreaterThan(1);
    for (const word of words.out) expect(["alpha", "beta", "gamma"]).toContain(word);
  }, 120_000);
});
