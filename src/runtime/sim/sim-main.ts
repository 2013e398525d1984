/**
 * `npm run sim -- --seed N --ticks T [--seeds K]`: run the simulator outside the test
 * suite. Prints each run's faults and outcome; a failing run prints its seed, which
 * reproduces it exactly. Exits 1 if any run found a violation.
 */
import { parseArgs } from "node:util";
import { runSimulation } from "./simulation.ts";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    ticks: { type: "string", default: "3000" },
    seeds: { type: "string", default: "1" },
    verbose: { type: "boolean", default: false },
    trace: { type: "string", default: "" },
  },
});
const firstSeed = Number(values.seed);
const ticks = Number(values.ticks);
const count = Number(values.seeds);
if (
  !Number.isInteger(firstSeed) ||
  !Number.isInteger(ticks) ||
  ticks <= 0 ||
  !Number.isInteger(count) ||
  count <= 0
) {
  console.error(
    "usage: npm run sim -- --seed N --ticks T [--seeds K] [--verbose]   (whole numbers; T and K above 0)",
  );
  process.exit(2);
}
let failed = 0;
for (let seed = firstSeed; seed < firstSeed + count; seed++) {
  const started = performance.now();
  // --trace isr-changed,partition-role prints those telemetry events as they happen.
  const kinds = new Set(values.trace.split(",").filter((kind) => kind !== ""));
  const trace =
    kinds.size === 0
      ? undefined
      : (atMs: number, event: { kind: string }) => {
          if (kinds.has(event.kind))
            console.log(
              `  ${String(atMs).padStart(7)} ms  ${JSON.stringify(event, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`,
            );
        };
  const report = await runSimulation({ seed, ticks, trace });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const verdict = report.violations.length === 0 ? "ok" : "FAILED";
  console.log(
    `seed ${seed}: ${verdict} — ${report.faults.length} faults, ${report.acknowledgedRecords} records acknowledged in ${report.produceAttempts} produce attempts, ${(report.virtualMs / 1000).toFixed(1)} s simulated in ${seconds} s`,
  );
  if (values.verbose || report.violations.length > 0) {
    console.log(`  failed produce attempts: ${JSON.stringify(report.produceFailures)}`);
    for (const fault of report.faults)
      console.log(`  ${String(fault.atMs).padStart(7)} ms  ${fault.description}`);
  }
  for (const violation of report.violations) console.log(`  ✗ ${violation}`);
  if (report.violations.length > 0) failed++;
}
if (failed > 0) {
  console.log(
    `${failed} of ${count} runs failed; rerun one with: npm run sim -- --seed <seed> --ticks ${ticks} --verbose`,
  );
  process.exit(1);
}
