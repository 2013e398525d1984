/**
 * The page side of a worker harness: one dedicated worker at a time, asked one request at a
 * time. Playwright specs and browser benchmarks reach it through `window.workerHarness`
 * (scripts/worker-harness-driver.ts), so a page script only has to say which worker to start.
 */

export interface WorkerHarness {
  /** Sends one request to the current worker (starting one if there is none) and waits for its answer. */
  ask(request: unknown): Promise<unknown>;
  /** worker.terminate(): no goodbye, as the playground kills a broker. */
  kill(): void;
}

export function installWorkerHarness(startWorker: () => Worker): void {
  let worker: Worker | null = null;
  // Requests are answered in turn: a second ask waits for the first answer, so answers
  // never cross even if a caller does not await.
  let previous: Promise<unknown> = Promise.resolve();

  const askNow = (request: unknown): Promise<unknown> => {
    const target = (worker ??= startWorker());
    return new Promise((resolve, reject) => {
      target.onmessage = (event: MessageEvent<unknown>) => resolve(event.data);
      target.onerror = (event) => reject(new Error(`worker error: ${event.message}`));
      target.postMessage(request);
    });
  };

  const harness: WorkerHarness = {
    ask(request) {
      const answer = previous.then(() => askNow(request));
      previous = answer.catch(() => undefined);
      return answer;
    },
    kill() {
      worker?.terminate();
      worker = null;
      previous = Promise.resolve();
    },
  };

  (window as unknown as { workerHarness: WorkerHarness }).workerHarness = harness;
  document.body.dataset.ready = "true";
}
