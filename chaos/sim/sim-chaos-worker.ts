/** One seed of sim-chaos-main.ts, in a worker thread the main thread can end if it gets stuck. */
import { parentPort, workerData } from "node:worker_threads";
import { simulateChaos } from "./sim-chaos.ts";

const { seed, faultMs, verbose } = workerData as {
  seed: number;
  faultMs: number;
  verbose: boolean;
};
const result = await simulateChaos({
  seed,
  faultMs,
  trace: verbose
    ? (line) =>
        parentPort!.postMessage({
          trace: `${line}  (${Math.round(process.memoryUsage().rss / 1e6)} MB)`,
        })
    : undefined,
});
parentPort!.postMessage({ result });
