/**
 * A sub-millisecond sleep for a pacing loop in a worker. setTimeout chains are clamped to
 * 4 ms after five nested calls (the HTML timer rules), far too coarse to pace 100,000
 * records/s; Atomics.waitAsync on a cell nobody writes wakes after the timeout instead,
 * about 0.6 ms at the shortest here. Needs SharedArrayBuffer, so a cross-origin isolated
 * page (bench/chromium-runner.ts serves one).
 */

interface WaitAsyncResult {
  async: boolean;
  value: Promise<string> | string;
}

type AtomicsWithWaitAsync = typeof Atomics & {
  waitAsync?(array: Int32Array, index: number, value: number, timeoutMs: number): WaitAsyncResult;
};

const cell =
  typeof SharedArrayBuffer === "undefined" ? null : new Int32Array(new SharedArrayBuffer(4));

export async function preciseSleep(milliseconds: number): Promise<void> {
  const waitAsync = (Atomics as AtomicsWithWaitAsync).waitAsync;
  if (cell === null || waitAsync === undefined) {
    throw new Error("Atomics.waitAsync needs a cross-origin isolated page");
  }
  const result = waitAsync.call(Atomics, cell, 0, 0, milliseconds);
  if (result.async) await result.value;
}
