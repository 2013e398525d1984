/**
 * The partition log in real Chromium, on OPFS and IndexedDB, inside a dedicated worker and
 * a persistent profile: every scenario of src/log/testing/partition-log-scenarios.ts, and a
 * real kill (worker.terminate() with the log open, then a new worker on the same profile).
 */
import { expect, test } from "@playwright/test";
import { PARTITION_LOG_SCENARIOS } from "../../src/log/testing/partition-log-scenarios.ts";
import type { BrowserBackend } from "../../src/runtime/web-worker/testing/browser-backends.ts";
import type {
  PartitionLogRequest,
  PartitionLogResponse,
} from "../../src/runtime/web-worker/testing/partition-log-messages.ts";
import { useHarnessSession } from "./harness-session.ts";

const BACKENDS: BrowserBackend[] = ["opfs", "indexeddb"];

test.describe.configure({ mode: "serial", timeout: 60_000 });

const session = useHarnessSession("partition-log");

function ask<Command extends PartitionLogRequest["command"]>(
  request: PartitionLogRequest & { command: Command },
): Promise<Extract<PartitionLogResponse, { command: Command }>> {
  return session.ask(request);
}

for (const backend of BACKENDS) {
  test(`every partition log scenario passes on ${backend}`, async () => {
    const { results } = await ask({
      command: "run-scenarios",
      backend,
      runId: `${backend}-${Date.now()}`,
    });
    expect(results.map((result) => result.name)).toEqual(
      PARTITION_LOG_SCENARIOS.map((scenario) => scenario.name),
    );
    for (const result of results) {
      await test.step(`${result.name} (${result.durationMs.toFixed(0)} ms)`, () => {
        expect.soft(result.error, result.name).toBe("");
      });
    }
    session.expectNoPageErrors();
  });

  test(`a log on ${backend} recovers after its worker is killed, and appends continue`, async () => {
    const root = `killed-${backend}-${Date.now()}`;
    const { written } = await ask({ command: "write-until-killed", backend, root });
    expect(written.logEndOffset).toBeGreaterThan(written.recoveryPoint);
    expect(written.recoveryPoint).toBeGreaterThan(written.flushedOffset);
    await session.kill(); // the log is open, its tail unflushed: no close, no goodbye

    // The next ask starts a new worker on the same profile. It checks whole batches, no
    // flushed data lost and the next offset; here we check what each backend promises.
    const { recovered } = await ask({ command: "recover-after-kill", backend, root, written });
    if (backend === "opfs") {
      // Sync access handle writes go straight to the file: a killed worker loses nothing.
      expect(recovered.logEndOffset).toBe(written.logEndOffset);
      expect(recovered.truncatedOnOpenBytes).toBe(0);
    } else {
      // IndexedDB writes behind: a kill may lose what was not yet persisted, never more.
      expect(recovered.logEndOffset).toBeGreaterThanOrEqual(written.recoveryPoint);
      expect(recovered.logEndOffset).toBeLessThanOrEqual(written.logEndOffset);
    }
    expect(recovered.nextAppendOffset).toBe(recovered.logEndOffset);
    session.expectNoPageErrors();
  });
}
