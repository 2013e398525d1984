/**
 * The FileSystem contract in real Chromium, on the two browser backends, inside a dedicated
 * worker (OPFS sync access handles exist only there), in a persistent profile (OPFS in an
 * incognito context is memory-backed, which would prove nothing about persistence).
 */
import { expect, test } from "@playwright/test";
import { FILE_SYSTEM_CONTRACT_CASES } from "../../src/log/fs/file-system-contract.ts";
import type {
  BrowserBackend,
  ContractRequest,
  ContractResponse,
} from "../../src/runtime/web-worker/testing/fs-contract-messages.ts";
import { useHarnessSession } from "./harness-session.ts";

/** The product's two backends, plus OPFS with rename forced onto its copy fallback. */
const CONTRACT_BACKENDS: BrowserBackend[] = ["opfs", "opfs-copy-rename", "indexeddb"];
const PERSISTENCE_BACKENDS: BrowserBackend[] = ["opfs", "indexeddb"];

test.describe.configure({ mode: "serial", timeout: 180_000 });

const session = useHarnessSession("fs-contract");

function ask<Command extends ContractRequest["command"]>(
  request: ContractRequest & { command: Command },
): Promise<Extract<ContractResponse, { command: Command }>> {
  return session.ask(request);
}

test("the contract worker has OPFS sync access handles", async () => {
  const probe = await ask({ command: "probe" });
  expect(probe.opfsAvailable).toBe(true);
});

test("IndexedDB writes behind: data reaches the database before a flush, in order", async () => {
  const { results } = await ask({ command: "run-write-behind", runId: String(Date.now()) });
  expect(results.length).toBeGreaterThan(0);
  for (const result of results) {
    await test.step(result.name, () => {
      expect.soft(result.error, result.name).toBe("");
    });
  }
});

for (const backend of CONTRACT_BACKENDS) {
  test(`every contract case passes on ${backend}`, async () => {
    const { results } = await ask({
      command: "run-contract",
      backend,
      runId: `${backend}-${Date.now()}`,
    });
    expect(results.map((result) => result.name)).toEqual(
      FILE_SYSTEM_CONTRACT_CASES.map((contractCase) => contractCase.name),
    );
    for (const result of results) {
      await test.step(`${result.name} (${result.durationMs.toFixed(0)} ms)`, () => {
        expect.soft(result.error, result.name).toBe("");
      });
    }
    session.expectNoPageErrors();
  });
}

for (const backend of PERSISTENCE_BACKENDS) {
  test(`flushed data on ${backend} survives a killed worker and a page reload`, async () => {
    const root = `persistence-${backend}`;
    const path = "broker-1/orders-0/00000000000000000000.log";
    const text = `flushed before the kill on ${backend}`;
    const written = await ask({ command: "write-and-flush", backend, root, path, text });
    expect(written.sizeBytes).toBe(text.length);
    await session.kill(); // the file is still open: no close, no goodbye

    await session.reload(); // a reload, and with it a new worker
    const read = await ask({ command: "read", backend, root, path });
    expect(read.text).toBe(text);
    session.expectNoPageErrors();
  });
}
