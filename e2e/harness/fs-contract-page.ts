/**
 * The harness page's script, served by the Vite dev server: starts, asks and kills the
 * contract worker on behalf of the Playwright spec (page.evaluate calls `window.fsHarness`).
 */
import type {
  ContractRequest,
  ContractResponse,
} from "../../src/runtime/web-worker/testing/fs-contract-messages.ts";

export interface FsHarness {
  /** Sends one request to the current worker (starting one if there is none) and waits for its answer. */
  ask(request: ContractRequest): Promise<ContractResponse>;
  /** worker.terminate(): no goodbye, as the playground kills a broker. */
  kill(): void;
}

let worker: Worker | null = null;

function currentWorker(): Worker {
  worker ??= new Worker(
    new URL("../../src/runtime/web-worker/testing/fs-contract-worker.ts", import.meta.url),
    {
      type: "module",
    },
  );
  return worker;
}

const harness: FsHarness = {
  ask(request) {
    const target = currentWorker();
    return new Promise((resolve, reject) => {
      target.onmessage = (event: MessageEvent<ContractResponse>) => resolve(event.data);
      target.onerror = (event) => reject(new Error(`worker error: ${event.message}`));
      target.postMessage(request);
    });
  },
  kill() {
    worker?.terminate();
    worker = null;
  },
};

(window as unknown as { fsHarness: FsHarness }).fsHarness = harness;
document.body.dataset.ready = "true";
