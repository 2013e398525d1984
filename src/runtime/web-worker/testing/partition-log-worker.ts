/**
 * A dedicated worker that runs the partition log scenarios on the browser backends, and
 * the two halves of the kill scenario (one worker writes and is terminated, the next one
 * recovers). Driven by e2e/harness/partition-log.spec.ts through the worker harness page.
 */
import { CrashableFileSystem } from "../../../log/testing/crashable-file-system.ts";
import {
  recoverAfterKill,
  writeUntilKilled,
} from "../../../log/testing/partition-log-kill-scenario.ts";
import {
  runPartitionLogScenarios,
  type ScenarioStorage,
} from "../../../log/testing/partition-log-scenarios.ts";
import { openBrowserBackend, type BrowserBackend } from "./browser-backends.ts";
import type { PartitionLogRequest, PartitionLogResponse } from "./partition-log-messages.ts";
import { answerRequests } from "./worker-requests.ts";

/**
 * Each scenario gets its own root. A crash closes the dead instance's files, which is how
 * this worker can reopen them: OPFS would refuse while the old handles hold their locks.
 */
function freshStorage(backend: BrowserBackend, runId: string): () => ScenarioStorage {
  let scenarioIndex = 0;
  return () => {
    const root = `scenarios-${runId}/scenario-${scenarioIndex++}`;
    const openFileSystem = async () =>
      new CrashableFileSystem(await openBrowserBackend(backend, root));
    return {
      openFileSystem,
      async restartAfterCrash(crashed) {
        if (!(crashed instanceof CrashableFileSystem))
          throw new Error("not this runner's file system");
        await crashed.crash();
        return openFileSystem();
      },
    };
  };
}

/** The log "write-until-killed" leaves open, held until the page terminates this worker. */
const keptOpen: unknown[] = [];

async function answer(request: PartitionLogRequest): Promise<PartitionLogResponse> {
  switch (request.command) {
    case "run-scenarios": {
      const results = await runPartitionLogScenarios(
        freshStorage(request.backend, request.runId),
        () => performance.now(),
      );
      return { command: "run-scenarios", results };
    }
    case "write-until-killed": {
      const fs = await openBrowserBackend(request.backend, request.root);
      const { written, openLog } = await writeUntilKilled(fs);
      keptOpen.push(openLog);
      return { command: "write-until-killed", written };
    }
    case "recover-after-kill": {
      const fs = await openBrowserBackend(request.backend, request.root);
      const recovered = await recoverAfterKill(fs, request.written);
      return { command: "recover-after-kill", recovered };
    }
  }
}

answerRequests(answer);
