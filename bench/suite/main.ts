/**
 * `npm run bench`: the issue's one benchmark, in headless Chromium on persistent profiles
 * (real OPFS), in one run:
 *
 * - the physical ceilings: worker-to-worker postMessage of transferred 16 KiB buffers and
 *   raw OPFS sync-handle writes (MB/s);
 * - kafka-producer-perf-test, the playground's own (src/cli/perf, the tool the page's
 *   terminal runs, on the client library), 1,000,000 records of 100 bytes, throughput -1,
 *   batch.size 16384, linger.ms 5, acks=1 and acks=all, to 6 partitions with replication
 *   factor 3 on 3 brokers;
 * - kafka-consumer-perf-test, one consumer reading the acks=all topic back;
 * - end-to-end latency at 100,000 records/s (bench/cluster/end-to-end-latency.ts);
 * - UI frame times of the production page while kafka-producer-perf-test runs in its terminal.
 *
 * Prints the tools' own report lines and a table against every target, and saves
 * bench/results/bench-<date>.json. `--quick` runs small counts (to check the harness) and
 * saves nothing. It measures, it does not assert.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measuredOnMachine } from "../bench-machine.ts";
import { runInChromiumWorker } from "../chromium-runner.ts";
import { suiteFigures } from "./suite-figures.ts";
import { formatSuiteTable, recordFileName, suiteRecord, targetsSummary } from "./suite-report.ts";
import type { SuiteResults, UiOutcome } from "./suite-results.ts";
import { runWorkerSuite } from "./suite-run.ts";
import { suiteSettings } from "./suite-settings.ts";
import { measureUiFrames } from "./ui-frames.ts";

const quick = process.argv.includes("--quick");
const settings = suiteSettings(quick);
const root = fileURLToPath(new URL("../../", import.meta.url));
const workerEntry = fileURLToPath(new URL("./suite-worker.ts", import.meta.url));
const say = (line: string) => console.log(line);
const startedAt = new Date();
const startedMs = performance.now();

const { machine, results } = await measuredOnMachine(async () => {
  const worker = await runInChromiumWorker(workerEntry, async (session) => ({
    browserVersion: session.browserVersion,
    results: await runWorkerSuite(session, settings, say),
  }));
  // The page part builds the whole product: a failure there (another change mid-edit)
  // should not throw away the figures measured so far.
  const ui: UiOutcome = await measureUiFrames(root, settings, say).then(
    (result) => ({ ok: true as const, ...result }),
    (error: unknown) => ({ ok: false as const, error: String(error) }),
  );
  if (ui.ok) {
    say("the page's terminal, frames recorded while it ran:");
    for (const line of ui.lines) say(`  ${line}`);
  } else say(`the page's run failed: ${ui.error}`);
  const suite: SuiteResults = { ...worker.results, ui };
  return { browserVersion: worker.browserVersion, results: suite };
});
const seconds = (performance.now() - startedMs) / 1000;
const figures = suiteFigures(results, settings);

say("");
say(
  `npm run bench${quick ? " --quick" : ""}: Chromium ${machine.chromium} headless, persistent profiles, ` +
    `worker cross-origin isolated: ${results.environment.crossOriginIsolated}; ${machine.cpu}, ` +
    `${machine.logicalCores} cores shared, 1-minute load average ${machine.loadAverageBefore[0]!.toFixed(2)} ` +
    `before, ${machine.loadAverageAfter[0]!.toFixed(2)} after; ${Math.round(seconds)} s`,
);
say(
  `${settings.nodes} brokers (Web Workers, KRaft, OPFS); topics of ${settings.topic.partitions} partitions, ` +
    `replication factor ${settings.topic.replicationFactor}; ${settings.producerPerf.numRecords.toLocaleString("en-US")} ` +
    `records of ${settings.producerPerf.recordSize} bytes per perf test; MB = 2^20 bytes`,
);
for (const line of formatSuiteTable(figures)) say(line);
say(targetsSummary(figures));

if (!quick) {
  const directory = fileURLToPath(new URL("../results/", import.meta.url));
  mkdirSync(directory, { recursive: true });
  const path = `${directory}${recordFileName(startedAt)}`;
  const record = suiteRecord({ startedAt, seconds, machine, settings, figures, results });
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  say(`saved ${path}`);
}
