/**
 * `tsx chaos/sim/sim-chaos-main.ts --seed N --seeds K --faultSeconds S`: the chaos run of
 * issue 8 in the simulator, over K seeds from N. Prints one line per seed and each
 * violation; a failing seed replays exactly with --seed <it> --seeds 1. Exits 1 if any
 * seed found a violation or got stuck.
 *
 * Each seed runs in a worker thread with a wall-clock limit (--seedTimeoutSeconds, default
 * 300): a simulation that livelocks in zero virtual time (promise callbacks queueing more
 * forever) never lets a timer of its own thread fire, so only another thread can end it.
 */
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { FAULT_KINDS } from "../fault-schedule.ts";
import type { SimChaosResult } from "./sim-chaos.ts";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    seeds: { type: "string", default: "1" },
    faultSeconds: { type: "string", default: "30" },
    seedTimeoutSeconds: { type: "string", default: "300" },
    verbose: { type: "boolean", default: false },
  },
});
const first = Number(values.seed);
const count = Number(values.seeds);
const faultMs = Number(values.faultSeconds) * 1000;
const seedTimeoutMs = Number(values.seedTimeoutSeconds) * 1000;
if (
  !Number.isInteger(first) ||
  !Number.isInteger(count) ||
  count <= 0 ||
  !(faultMs > 0) ||
  !(seedTimeoutMs > 0)
) {
  console.error(
    "usage: tsx chaos/sim/sim-chaos-main.ts --seed N --seeds K --faultSeconds S [--seedTimeoutSeconds T] [--verbose]",
  );
  process.exit(2);
}

type Outcome = { result: SimChaosResult } | { stuck: string };

function runSeed(seed: number): Promise<Outcome> {
  // Loaders are per thread: the worker registers tsx itself before loading the TypeScript.
  const tsx = import.meta.resolve("tsx/esm/api");
  const script = new URL("./sim-chaos-worker.ts", import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`,
    { eval: true, workerData: { seed, faultMs, verbose: values.verbose } },
  );
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ stuck: `no result within ${seedTimeoutMs / 1000} s of wall time (stuck)` });
    }, seedTimeoutMs);
    worker.on("message", (message: { trace?: string; result?: SimChaosResult }) => {
      if (message.trace !== undefined) console.log(`  ${message.trace}`);
      if (message.result !== undefined) {
        clearTimeout(timer);
        void worker.terminate();
        resolve({ result: message.result });
      }
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      resolve({ stuck: `the simulation threw: ${error.stack ?? String(error)}` });
    });
  });
}

let failed = 0;
for (let seed = first; seed < first + count; seed++) {
  const started = performance.now();
  const outcome = await runSeed(seed);
  const wall = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if ("stuck" in outcome) {
    console.log(`seed ${seed}: FAILED — ${outcome.stuck} (${wall})`);
    failed++;
    continue;
  }
  const { result } = outcome;
  const problems = Object.entries(result.violations).flatMap(([check, list]) =>
    list.map((violation) => `[${check}] ${violation}`),
  );
  const { records } = result;
  console.log(
    `seed ${seed}: ${problems.length === 0 ? "ok" : "FAILED"} — faults ${FAULT_KINDS.map((kind) => `${kind} ${result.faults[kind]}`).join(", ")}; ` +
      `acknowledged ${records.acknowledged}, lost ${records.lost}, duplicated ${records.duplicated}, out of order ${records.outOfOrder}; ` +
      `generations ${JSON.stringify(result.generations)}; ${(result.virtualMs / 1000).toFixed(1)} s simulated in ${wall}`,
  );
  for (const problem of problems) console.log(`  ✗ ${problem}`);
  if (problems.length > 0) failed++;
}
if (failed > 0) {
  console.log(`${failed} of ${count} seeds failed`);
  process.exit(1);
}
process.exit(0);
