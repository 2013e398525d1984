/**
 * `npx tsx bench/cluster/profile-brokers.ts [--acks=-1] [--measure-ms=6000] [--warm=0]
 *   [--trace] [--out=DIR]`: where the broker workers spend their time during the cluster
 * benchmark's produce run. It starts the benchmark's cluster (bench/cluster/main.ts's worker
 * and settings), optionally runs `--warm` produce rounds first (acks=1 and acks=all each),
 * then one produce-throughput run, and one second into it either
 * - starts V8's sampling profiler in every broker worker (CDP, through the page's session:
 *   cdp-worker-sessions.ts), stops it before the run ends, saves DIR/broker-N.cpuprofile
 *   (open them in DevTools) and prints the top self-time shares over all brokers; or
 * - with `--trace`, records a Chromium trace (category toplevel), saves DIR/trace.json and
 *   prints the thread CPU per record batch of each thread group.
 * It measures, it does not assert, and saves nothing outside DIR.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext } from "@playwright/test";
import { runInChromiumWorker } from "../chromium-runner.ts";
import { benchSettings } from "./cluster-bench-settings.ts";
import type { ClusterBenchResponse } from "./cluster-bench-messages.ts";
import { WorkerSessions } from "./cdp-worker-sessions.ts";
import { selfTimeShares, traceCpu, type CpuProfile } from "./profile-summary.ts";

const option = (name: string, fallback: string): string =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const acks = Number(option("acks", "-1"));
const measureMs = Number(option("measure-ms", "6000"));
const warmRounds = Number(option("warm", "0"));
const tracing = process.argv.includes("--trace");
const outDirectory = option("out", "/tmp/broker-profiles");
const SAMPLING_INTERVAL_US = 200;
const STARTS_AFTER_MS = 1000;
mkdirSync(outDirectory, { recursive: true });

// bench/chromium-runner.ts hands its body the worker harness, not the page: keep the
// context Playwright launches to open a CDP session on its page.
let context: BrowserContext | null = null;
const launch = chromium.launchPersistentContext.bind(chromium);
chromium.launchPersistentContext = (async (...args: Parameters<typeof launch>) =>
  (context = await launch(...args))) as typeof launch;

type Answer<Command extends string> = Extract<ClusterBenchResponse, { command: Command }>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const settings = benchSettings(true);
const workerEntry = fileURLToPath(new URL("./cluster-bench-worker.ts", import.meta.url));

await runInChromiumWorker(workerEntry, async (session) => {
  const produce = (withAcks: number, forMs: number) =>
    session.ask<Answer<"produce-throughput">>({
      command: "produce-throughput",
      topic: settings.topic,
      acks: withAcks,
      warmupMs: STARTS_AFTER_MS,
      measureMs: forMs,
      requestTimeoutMs: 30_000,
    } as { command: string });
  const { recordsPerBatch } = await session.ask<Answer<"environment">>({
    command: "environment",
    batchBytesMax: settings.batchBytesMax,
    valueBytes: settings.valueBytes,
  } as { command: string });
  await session.ask({ command: "start-cluster", nodes: settings.nodes, properties: {} } as {
    command: string;
  });
  for (let round = 0; round < warmRounds; round++) {
    for (const warmAcks of [1, -1]) await produce(warmAcks, 3000);
  }
  const page = context!.pages()[0]!;
  const cdp = await context!.newCDPSession(page);
  const workers = await WorkerSessions.attach(cdp);
  await sleep(1000);
  const brokers = workers.nested();
  const run = produce(acks, measureMs);
  // The run creates its topic first (a second or so), then warms up for STARTS_AFTER_MS.
  await sleep(STARTS_AFTER_MS + 1500);
  const windowMs = measureMs - STARTS_AFTER_MS - 500;
  if (tracing) {
    const done = new Promise<string>((resolve) =>
      cdp.on("Tracing.tracingComplete", (event) => resolve(event.stream!)),
    );
    await cdp.send("Tracing.start", {
      transferMode: "ReturnAsStream",
      traceConfig: { includedCategories: ["toplevel"] },
    });
    await sleep(windowMs);
    await cdp.send("Tracing.end");
    const stream = await done;
    let text = "";
    for (;;) {
      const chunk = await cdp.send("IO.read", { handle: stream, size: 1 << 20 });
      text +=
        chunk.base64Encoded === true ? Buffer.from(chunk.data, "base64").toString() : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send("IO.close", { handle: stream });
    writeFileSync(`${outDirectory}/trace.json`, text);
    const answer = await run;
    const cpu = traceCpu(JSON.parse(text));
    const batches = (answer.recordsPerSecond * cpu.seconds) / recordsPerBatch;
    console.log(
      `acks=${acks}: ${Math.round(answer.recordsPerSecond)} records/s; thread CPU per batch:`,
    );
    for (const [group, ms] of Object.entries(cpu.groups).sort((a, b) => b[1] - a[1]))
      console.log(`  ${((ms * 1000) / batches).toFixed(0).padStart(6)} µs  ${group}`);
    console.log(`  broker tasks per batch: ${(cpu.brokerTasks / batches).toFixed(2)}`);
  } else {
    for (const broker of brokers) {
      await workers.send(broker.sessionId, "Profiler.enable");
      await workers.send(broker.sessionId, "Profiler.setSamplingInterval", {
        interval: SAMPLING_INTERVAL_US,
      });
      await workers.send(broker.sessionId, "Profiler.start");
    }
    await sleep(windowMs);
    const profiles: CpuProfile[] = [];
    for (const [index, broker] of brokers.entries()) {
      const { profile } = await workers.send<{ profile: CpuProfile }>(
        broker.sessionId,
        "Profiler.stop",
      );
      writeFileSync(`${outDirectory}/broker-${index}.cpuprofile`, JSON.stringify(profile));
      profiles.push(profile);
    }
    const answer = await run;
    console.log(
      `acks=${acks}: ${Math.round(answer.recordsPerSecond)} records/s; broker self time:`,
    );
    for (const [name, share] of selfTimeShares(profiles, SAMPLING_INTERVAL_US).slice(0, 40))
      console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
  await session.ask({ command: "stop-cluster" });
});
