/**
 * What a saved benchmark result says about where it ran: CPU, cores, memory, kernel,
 * Node and Chromium versions, and the 1-minute load average before and after (these
 * machines are shared, so a result without the load is hard to judge).
 */
import { cpus, loadavg, release, totalmem } from "node:os";

export interface BenchMachine {
  cpu: string;
  logicalCores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  chromium: string;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
}

/** Runs `body` (which resolves with the browser's version and its results) and describes the machine around it. */
export async function measuredOnMachine<T>(
  body: () => Promise<{ browserVersion: string; results: T }>,
): Promise<{ machine: BenchMachine; results: T }> {
  const loadAverageBefore = loadavg();
  const { browserVersion, results } = await body();
  return {
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      logicalCores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      kernel: release(),
      node: process.version,
      chromium: browserVersion,
      loadAverageBefore,
      loadAverageAfter: loadavg(),
    },
    results,
  };
}
