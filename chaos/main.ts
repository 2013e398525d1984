/**
 * `npm run chaos -- --minutes M --seed S` (issue 8): the real playground page in headless
 * Chromium — 5 brokers, replication factor 3, min.insync.replicas=2, idempotent acks=all
 * producers, two consumer groups — under the seed's broker kills and restarts, link cuts
 * and heals, latency and loss; then everything healed and checked. Prints the summary and
 * exits 1 on any violation (2 on bad arguments or when the run could not be made).
 *
 * Options: --livenessSeconds N (default 120: how long the healed cluster has to be live),
 * --port N (default 4192), --skipBuild (serve the last build of this command).
 */
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPage, bundleAgent, CHAOS_PORT, openPlayground } from "./browser/served-page.ts";
import { runChaos } from "./chaos-run.ts";
import { CHAOS_SHAPE } from "./run-shape.ts";
import { formatSummary, passed } from "./summary.ts";

const USAGE =
  "usage: npm run chaos -- --minutes M --seed S [--livenessSeconds N] [--port N] [--skipBuild]";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "1" },
    seed: { type: "string", default: "1" },
    livenessSeconds: { type: "string", default: "120" },
    port: { type: "string", default: String(CHAOS_PORT) },
    skipBuild: { type: "boolean", default: false },
  },
});
const minutes = Number(values.minutes);
const seed = Number(values.seed);
const livenessSeconds = Number(values.livenessSeconds);
const port = Number(values.port);
if (
  !(minutes > 0) ||
  !Number.isInteger(seed) ||
  !(livenessSeconds > 0) ||
  !Number.isInteger(port)
) {
  console.error(USAGE);
  process.exit(2);
}

const started = Date.now();
const phasesMs: Record<string, number> = {};
// One folder per port, kept for --skipBuild; never dist/, which other commands build into.
const outDir = join(tmpdir(), `kafka-playground-chaos-dist-${port}`);
let exitCode = 2;
let served: Awaited<ReturnType<typeof openPlayground>> | null = null;
// A stuck run (a call into the page that never returns) ends as a failure, not a hang.
const watchdogMs = (minutes * 60 + livenessSeconds + 300) * 1000;
setTimeout(() => {
  console.error(`✗ stuck: the run did not finish within ${watchdogMs / 1000} s (seed ${seed})`);
  void (served?.close() ?? Promise.resolve()).finally(() => process.exit(1));
}, watchdogMs).unref();
try {
  if (!values.skipBuild || !existsSync(join(outDir, "index.html"))) {
    console.log("building the page (vite build)…");
    buildPage(outDir);
  }
  const agentScript = await bundleAgent();
  phasesMs.build = Date.now() - started;
  const mark = Date.now();
  console.log(`serving it on port ${port}, opening it in Chromium…`);
  served = await openPlayground(outDir, agentScript, port);
  phasesMs.boot = Date.now() - mark;
  const page = served.page;
  const pageErrors = served.pageErrors;
  try {
    console.log(`seed ${seed}: ${minutes} min of faults`);
    const report = await runChaos(
      page,
      {
        seed,
        minutes,
        shape: CHAOS_SHAPE,
        livenessTimeoutMs: livenessSeconds * 1000,
        log: console.log,
      },
      phasesMs,
    );
    if (pageErrors.length > 0)
      report.notes.push(
        `the page logged ${pageErrors.length} errors, first: ${pageErrors[0]!.slice(0, 200)}`,
      );
    console.log("");
    for (const line of formatSummary(report)) console.log(line);
    exitCode = passed(report) ? 0 : 1;
  } finally {
    await served.close();
    served = null;
  }
} catch (error) {
  console.error(`the chaos run could not be made: ${(error as Error).stack ?? String(error)}`);
  exitCode = 2;
}
console.log(`total wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exitCode);
