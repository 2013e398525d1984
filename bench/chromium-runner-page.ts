/**
 * The page script of bench/chromium-runner.ts: installs the worker harness on the bundled
 * benchmark worker, which the runner serves at /worker.js.
 */
import { installWorkerHarness } from "../src/runtime/web-worker/testing/worker-harness.ts";

installWorkerHarness(() => new Worker("/worker.js", { type: "module" }));
