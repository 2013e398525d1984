/**
 * The partition log scenarios (src/log/testing/partition-log-scenarios.ts) on the memory
 * backend. The same scenarios run in Chromium on OPFS and IndexedDB
 * (e2e/harness/partition-log.spec.ts).
 */
import { describe, expect, test } from "vitest";
import { MemoryFileSystem, type CrashMode } from "./fs/memory-file-system.ts";
import { CrashableFileSystem } from "./testing/crashable-file-system.ts";
import { recoverAfterKill, writeUntilKilled } from "./testing/partition-log-kill-scenario.ts";
import {
  PARTITION_LOG_SCENARIOS,
  type ScenarioStorage,
} from "./testing/partition-log-scenarios.ts";

/**
 * A clean restart is a power cut (only flushed data survives), which also proves that
 * close flushes; a crash is a kill -9 (everything written survives, as in the page cache).
 */
function memoryStorage(): ScenarioStorage {
  let current: MemoryFileSystem | undefined;
  return {
    openFileSystem: async () =>
      (current = current === undefined ? new MemoryFileSystem() : current.crash({ mode: "power" })),
    restartAfterCrash: async (crashed) => {
      if (crashed !== current)
        throw new Error("a scenario crashed a file system it no longer used");
      return (current = current.crash({ mode: "process" }));
    },
  };
}

describe("partition log scenarios on the memory backend", () => {
  for (const scenario of PARTITION_LOG_SCENARIOS) {
    test(scenario.name, () => {
      const storage = memoryStorage();
      return scenario.run(storage.openFileSystem, storage.restartAfterCrash);
    });
  }

  test("the scenarios also pass when a crash only releases the files (as in a browser worker)", async () => {
    for (const scenario of PARTITION_LOG_SCENARIOS) {
      let current: MemoryFileSystem | undefined;
      const openFileSystem = async () =>
        new CrashableFileSystem(
          (current =
            current === undefined ? new MemoryFileSystem() : current.crash({ mode: "power" })),
        );
      const restartAfterCrash = async (crashed: unknown) => {
        if (!(crashed instanceof CrashableFileSystem))
          throw new Error("not a crashable file system");
        await crashed.crash();
        return openFileSystem();
      };
      await scenario.run(openFileSystem, restartAfterCrash);
    }
  });

  const killModes: { mode: CrashMode; what: string }[] = [
    { mode: "process", what: "a killed process keeps everything written" },
    { mode: "power", what: "a power cut keeps at least everything flushed" },
  ];
  for (const { mode, what } of killModes) {
    test(`a killed writer: ${what}, in whole batches, and appends continue`, async () => {
      const before = new MemoryFileSystem();
      const { written } = await writeUntilKilled(before);
      const recovered = await recoverAfterKill(before.crash({ mode }), written);
      if (mode === "process") {
        expect(recovered.logEndOffset).toBe(written.logEndOffset);
        expect(recovered.truncatedOnOpenBytes).toBe(0);
      } else {
        // Only the active segment's tail was unflushed: the roll flushed everything before it.
        expect(recovered.logEndOffset).toBe(written.recoveryPoint);
      }
      expect(recovered.nextAppendOffset).toBe(recovered.logEndOffset);
    });
  }
});
