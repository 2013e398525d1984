import { describe, expect, it } from "vitest";
import { BOOTSTRAP, toolSim } from "../testing/tool-sim.ts";
import { runTool } from "../testing/captured-io.ts";
import { expectUsageFailures } from "../testing/usage-failures.ts";
import { consumerPerfTool } from "./consumer-perf-test.ts";
import { formatFixed } from "../framework/java-format.ts";
import { producerPerfTool } from "./producer-perf-test.ts";

const HEADER =
  "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";
const DETAILED_HEADER =
  "time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";
const DATE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d):(\d{3})$/;

/** Milliseconds since the epoch of a "yyyy-MM-dd HH:mm:ss:SSS" UTC time. */
function parseDate(text: string): number {
  const parts = DATE.exec(text);
  if (parts === null) throw new Error(`not a date: ${text}`);
  const [year, month, day, hours, minutes, seconds, millis] = parts.slice(1).map(Number);
  return Date.UTC(year!, month! - 1, day, hours, minutes, seconds, millis);
}

const offline = (args: string[]) => runTool(consumerPerfTool, args);

describe("kafka-consumer-perf-test command line", () => {
  it("prints Kafka's message and the usage for a bad command line, exit 1", async () => {
    const cases: [string[], string][] = [
      [["--topic", "t"], 'Missing required argument "[messages]"'],
      [
        ["--messages", "5"],
        "Exactly one of the following arguments is required: [topic], [include]",
      ],
      [
        ["--messages", "5", "--topic", "t", "--include", "x"],
        "Exactly one of the following arguments is required: [topic], [include]",
      ],
      [["--messages", "five", "--topic", "t"], "Cannot parse argument 'five' of option messages"],
      [
        ["--messages", "5", "--topic", "t", "--reporting-interval", "-5"],
        "Cannot parse argument '-5' of option reporting-interval",
      ],
      [["--messages", "5", "--topic", "t", "--whatever"], "whatever is not a recognized option"],
    ];
    await expectUsageFailures(
      consumerPerfTool,
      cases,
      /^Option \(\* = required\) {2,}Description|^Option {2,}Description/,
    );
    const usage = (await offline([])).err;
    expect(usage[0]).toBe("This tool is used to verify the consumer performance.");
    expect(
      usage.some((line) =>
        /^--group <String: gid> +The group id to consume on\. \(default: /.test(line),
      ),
    ).toBe(true);
  });

  it("prints the header, then fails as Kafka's main does without bootstrap.servers", async () => {
    expect(await offline(["--messages", "5", "--topic", "t"])).toEqual({
      exitCode: 1,
      out: [HEADER],
      err: [
        'Missing required configuration "bootstrap.servers" which has no default value.',
        'org.apache.kafka.common.config.ConfigException: Missing required configuration "bootstrap.servers" which has no default value.',
      ],
    });
    const badInterval = await offline([
      "--messages",
      "5",
      "--topic",
      "t",
      "--bootstrap-server",
      "b:1",
      "--reporting-interval",
      "0",
      "--hide-header",
    ]);
    expect(badInterval).toEqual({
      exitCode: 1,
      out: [],
      err: [
        "Reporting interval must be greater than 0.",
        "java.lang.IllegalArgumentException: Reporting interval must be greater than 0.",
      ],
    });
  });
});

describe("kafka-consumer-perf-test against a cluster", () => {
  it("reads what the producer perf test wrote; the values line adds up", async () => {
    const { run } = await toolSim(441, [{ name: "bench", partitions: 3 }]);
    const produced = await run(producerPerfTool, [
      "--topic",
      "bench",
      "--num-records",
      "2000",
      "--record-size",
      "200",
      "--throughput",
      "-1",
      "--producer-props",
      `bootstrap.servers=${BOOTSTRAP}`,
    ]);
    expect(produced.exitCode).toBe(0);
    const result = await run(consumerPerfTool, [
      "--bootstrap-server",
      BOOTSTRAP,
      "--topic",
      "bench",
      "--messages",
      "2000",
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.err).toEqual([]);
    expect(result.out).toHaveLength(2);
    expect(result.out[0]).toBe(HEADER);
    const fields = result.out[1]!.split(", ");
    expect(fields).toHaveLength(10);
    const [
      start,
      end,
      mb,
      mbPerSec,
      messages,
      messagesPerSec,
      rebalanceMs,
      fetchMs,
      fetchMbPerSec,
      fetchPerSec,
    ] = fields;
    const elapsedMs = parseDate(end!) - parseDate(start!);
    expect(elapsedMs).toBeGreaterThan(0);
    const totalMb = (2000 * 200) / 1024 / 1024;
    expect(messages).toBe("2000");
    expect(mb).toBe(formatFixed(totalMb, 4));
    expect(mbPerSec).toBe(formatFixed(totalMb / (elapsedMs / 1000), 4));
    expect(messagesPerSec).toBe(formatFixed(2000 / (elapsedMs / 1000), 4));
    expect(Number(rebalanceMs) + Number(fetchMs)).toBe(elapsedMs);
    // Joining the group takes at least group.initial.rebalance.delay.ms (3 s).
    expect(Number(rebalanceMs)).toBeGreaterThanOrEqual(3000);
    expect(fetchMbPerSec).toBe(formatFixed(totalMb / (Number(fetchMs) / 1000), 4));
    expect(fetchPerSec).toBe(formatFixed(2000 / (Number(fetchMs) / 1000), 4));
  }, 120_000);

  it("warns when --timeout passes before --messages, and prints detailed stats", async () => {
    const { run } = await toolSim(442, [{ name: "short", partitions: 1 }]);
    await run(producerPerfTool, [
      "--topic",
      "short",
      "--num-records",
      "50",
      "--record-size",
      "10",
      "--throughput",
      "-1",
      "--producer-props",
      `bootstrap.servers=${BOOTSTRAP}`,
    ]);
    const result = await run(consumerPerfTool, [
      "--bootstrap-server",
      BOOTSTRAP,
      "--topic",
      "short",
      "--messages",
      "100",
      "--timeout",
      "5000",
      "--show-detailed-stats",
      "--reporting-interval",
      "1000",
      "--print-metrics",
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.out[0]).toBe(DETAILED_HEADER);
    const progress = result.out.slice(1).filter((line) => /^\d{4}-/.test(line));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const line of progress) {
      const fields = line.split(", ");
      expect(fields).toHaveLength(10);
      expect(fields[1]).toBe("0");
      expect(Number(fields[4])).toBeLessThanOrEqual(50);
    }
    expect(result.out).toContain(
      "WARNING: Exiting before consuming the expected number of messages: timeout (5000 ms) exceeded. You can use the --timeout option to increase the timeout.",
    );
    expect(result.out).toContain(
      "consumer-fetch-manager-metrics:records-consumed-total:{client-id=perf-consumer-client} : 50.000",
    );
    // No totals line with --show-detailed-stats.
    expect(
      result.out.some(
        (line) =>
          line.split(", ").length === 10 && !/^\d{4}-/.test(line) && line !== DETAILED_HEADER,
      ),
    ).toBe(false);
  }, 120_000);
});
