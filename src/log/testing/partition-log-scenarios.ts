/**
 * Every partition log scenario, and a runner that reports each by name: under Vitest on
 * the memory backend (src/log/partition-log-scenarios.test.ts) and in Chromium on OPFS
 * and IndexedDB (e2e/harness/partition-log.spec.ts). The scenario that needs a real kill
 * between two processes is separate (partition-log-kill-scenario.ts).
 */
import { runNamedChecks } from "./run-named-checks.ts";
import type { ContractCaseResult } from "../fs/file-system-contract.ts";
import type {
  OpenFileSystem,
  PartitionLogScenario,
  RestartAfterCrash,
} from "./partition-log-scenario.ts";
import { APPEND_SCENARIOS } from "./partition-log-scenarios-append.ts";
import { CLEANUP_SCENARIOS } from "./partition-log-scenarios-cleanup.ts";
import { RECOVERY_SCENARIOS } from "./partition-log-scenarios-recovery.ts";

export const PARTITION_LOG_SCENARIOS: readonly PartitionLogScenario[] = [
  ...APPEND_SCENARIOS,
  ...RECOVERY_SCENARIOS,
  ...CLEANUP_SCENARIOS,
];

/** One scenario's storage: a fresh root, and how a crash of its process is modelled. */
export interface ScenarioStorage {
  openFileSystem: OpenFileSystem;
  restartAfterCrash: RestartAfterCrash;
}

/**
 * Runs each scenario on its own fresh storage and reports every one, failed or not.
 * `elapsedMs` is the caller's clock (the core has none of its own).
 */
export function runPartitionLogScenarios(
  freshStorage: (scenarioName: string) => ScenarioStorage,
  elapsedMs: () => number,
  scenarios: readonly PartitionLogScenario[] = PARTITION_LOG_SCENARIOS,
): Promise<ContractCaseResult[]> {
  return runNamedChecks(
    scenarios,
    (scenario) => {
      const storage = freshStorage(scenario.name);
      return scenario.run(storage.openFileSystem, storage.restartAfterCrash);
    },
    elapsedMs,
  );
}
