/**
 * The terminal's tool runs against a real in-process cluster: standard input typed line
 * by line and ended by Ctrl-D, Ctrl-C running a tool's shutdown hook (the console
 * consumer closes, commits and counts) or killing a tool without one (the producer perf
 * test stops sending at once), and exit codes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { consoleConsumerTool } from "../../cli/console-consumer/console-consumer.ts";
import { consoleProducerTool } from "../../cli/console-producer/console-producer.ts";
import type { Tool } from "../../cli/framework/tool.ts";
import { producerPerfTool } from "../../cli/perf/producer-perf-test.ts";
import { topicsTool } from "../../cli/topics/topics.ts";
import { createReadyTopic } from "../../client/consumer/testing/consumer-sim.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { EXIT_INTERRUPTED, ToolProcess } from "./tool-process.ts";

const BOOTSTRAP = ["--bootstrap-server", "node-1:9092"];

let sim: SimCluster;
let runs = 0;

beforeAll(async () => {
  sim = await readyCluster(7301);
  await createReadyTopic(sim, "typed", 1);
  await createReadyTopic(sim, "perf", 1);
}, 120_000);

function start(tool: Tool, args: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const process = new ToolProcess(tool, args, {
    connect: simClientIo(sim, `terminal-${++runs}`),
    files: new MemoryFileSystem(),
    output: { out: (line) => out.push(line), err: (line) => err.push(line) },
  });
  return { process, out, err };
}

/** Every record of `topic` from the beginning (after the group's commit), read until none comes for 10 s. */
async function readAll(topic: string, group?: string): Promise<string[]> {
  const groupArgs = group === undefined ? [] : ["--group", group];
  const { process, out } = start(consoleConsumerTool, [
    ...BOOTSTRAP,
    "--topic",
    topic,
    "--from-beginning",
    "--timeout-ms",
    "10000",
    ...groupArgs,
  ]);
  await sim.runWhile(process.exited);
  return out;
}

describe("a tool run in the terminal", () => {
  it("reads what is typed while it runs, until Ctrl-D ends its input", async () => {
    const { process, err } = start(consoleProducerTool, [...BOOTSTRAP, "--topic", "typed"]);
    expect(process.stdin.push("first")).toBe(true);
    await sim.scheduler.runFor(500);
    expect(process.stdin.isRead).toBe(true);
    process.stdin.push("second");
    await sim.scheduler.runFor(500);
    expect(process.state).toBe("running");
    process.stdin.end();
    expect(process.stdin.push("too late")).toBe(false);
    expect(await sim.runWhile(process.exited)).toBe(0);
    expect(err).toEqual([]);
    expect(await readAll("typed")).toEqual(["first", "second"]);
  }, 60_000);

  it("Ctrl-C runs the console consumer's shutdown hook: it counts, closes and commits", async () => {
    const { process, out, err } = start(consoleConsumerTool, [
      ...BOOTSTRAP,
      "--topic",
      "typed",
      "--group",
      "watchers",
      "--from-beginning",
    ]);
    expect(await sim.scheduler.runUntil(() => out.length === 2, 30_000)).toBe(true);
    await sim.scheduler.runFor(1_000);
    expect(process.state).toBe("running");
    process.interrupt();
    expect(process.state).toBe("stopping");
    expect(await sim.runWhile(process.exited)).toBe(EXIT_INTERRUPTED);
    expect(out).toEqual(["first", "second"]);
    expect(err).toEqual(["Processed a total of 2 messages"]);
    // The group committed what was printed: a second run finds nothing new.
    expect(await readAll("typed", "watchers")).toEqual([]);
  }, 60_000);

  it("Ctrl-C kills a tool without a shutdown hook: its output stops and so does its sending", async () => {
    const { process, out } = start(producerPerfTool, [
      "--topic",
      "perf",
      "--num-records",
      "100000",
      "--throughput",
      "20",
      "--record-size",
      "10",
      "--producer-props",
      "bootstrap.servers=node-1:9092",
    ]);
    expect(await sim.scheduler.runUntil(() => out.length >= 1, 30_000)).toBe(true);
    expect(out[0]).toMatch(/^\d+ records sent, /);
    process.interrupt();
    expect(process.state).toBe("exited");
    expect(await process.exited).toBe(EXIT_INTERRUPTED);
    const printed = out.length;
    await sim.scheduler.runFor(2_000);
    const sent = (await readAll("perf")).length;
    await sim.scheduler.runFor(10_000);
    expect(out).toHaveLength(printed);
    expect((await readAll("perf")).length).toBe(sent);
    expect(sent).toBeGreaterThan(0);
  }, 90_000);

  it("passes the tool's exit code on, and a second Ctrl-C after exit does nothing", async () => {
    const { process, out } = start(topicsTool, [...BOOTSTRAP, "--list", "--exclude-internal"]);
    expect(await sim.runWhile(process.exited)).toBe(0);
    expect(out).toEqual(["perf", "typed"]);
    process.interrupt();
    expect(await process.exited).toBe(0);
    const failed = start(topicsTool, [...BOOTSTRAP, "--list", "--nope"]);
    expect(await failed.process.exited).toBe(1);
    expect(failed.out).toEqual([
      "Error while executing topic command : nope is not a recognized option",
    ]);
  }, 30_000);

  it("prints what escapes a tool as the JVM's uncaught exception line, exit code 1", async () => {
    const broken: Tool = {
      ...topicsTool,
      name: "broken",
      run: async () => {
        throw new Error("the tool's own bug");
      },
    };
    const { process, err } = start(broken, []);
    expect(await process.exited).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^Exception in thread "main" .*the tool's own bug/);
  });
});
