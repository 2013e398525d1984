/**
 * The harness page's script, served by the Vite dev server: starts the worker named by the
 * `worker` query parameter and installs `window.workerHarness` for the spec. Each worker is
 * spelled out as `new Worker(new URL(...))` so the dev server finds and compiles it.
 */
import { installWorkerHarness } from "../../src/runtime/web-worker/testing/worker-harness.ts";

const WORKERS: Record<string, () => Worker> = {
  "fs-contract": () =>
    new Worker(
      new URL("../../src/runtime/web-worker/testing/fs-contract-worker.ts", import.meta.url),
      { type: "module" },
    ),
  "partition-log": () =>
    new Worker(
      new URL("../../src/runtime/web-worker/testing/partition-log-worker.ts", import.meta.url),
      { type: "module" },
    ),
};

const name = new URLSearchParams(location.search).get("worker") ?? "";
const startWorker = WORKERS[name];
if (startWorker === undefined) throw new Error(`no harness worker named "${name}"`);
installWorkerHarness(startWorker);
