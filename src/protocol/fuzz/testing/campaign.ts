/**
 * Runs one fuzz campaign: draws inputs from a seeded PRNG, runs the invariant checks on
 * each, times them, and turns any problem into a report that names the seed (which
 * reproduces the whole run) and the input's bytes (which reproduce the one case).
 */
import { Xorshift32 } from "./xorshift.ts";

/** One generated input: its bytes and the checks' verdicts (null each when all is well). */
export interface FuzzCase {
  describe: string;
  input: Uint8Array;
  problems: (string | null)[];
}

export interface CampaignResult {
  failures: string[];
  slowestMs: number;
  /** The most the heap and array buffers grew over the run, sampled every 1024 inputs. */
  peakGrowthBytes: number;
  count: number;
}

const MEMORY_SAMPLE_EVERY = 1024;

function memoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** A run of `count` inputs made by `generate`. Stops collecting after a few failures. */
export function runCampaign(
  name: string,
  seed: number,
  count: number,
  generate: (random: Xorshift32) => FuzzCase,
): CampaignResult {
  // Each campaign gets its own stream, so adding one does not change the others' inputs.
  const random = new Xorshift32(seed ^ hashName(name));
  const failures: string[] = [];
  let slowestMs = 0;
  const baseline = memoryInUse();
  let peakGrowthBytes = 0;
  for (let i = 0; i < count && failures.length < 5; i++) {
    if (i % MEMORY_SAMPLE_EVERY === 0)
      peakGrowthBytes = Math.max(peakGrowthBytes, memoryInUse() - baseline);
    const started = performance.now();
    let fuzzCase: FuzzCase | null = null;
    let problem: string | null;
    try {
      fuzzCase = generate(random);
      problem = fuzzCase.problems.find((p) => p !== null) ?? null;
    } catch (error) {
      problem = `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    }
    slowestMs = Math.max(slowestMs, performance.now() - started);
    if (problem !== null) {
      const bytes =
        fuzzCase === null ? "(not generated)" : Buffer.from(fuzzCase.input).toString("hex");
      failures.push(
        `${name} #${i} (${fuzzCase?.describe ?? "?"}): ${problem}\n` +
          `  reproduce: FUZZ_SEED=${seed} npx vitest run src/protocol/fuzz\n  input: ${bytes}`,
      );
    }
  }
  return { failures, slowestMs, peakGrowthBytes, count };
}

function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
