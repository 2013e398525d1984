/**
 * The contract every FileSystem backend passes: memory and node:fs under Vitest, OPFS and
 * IndexedDB in Chromium inside a dedicated worker (e2e/harness/fs-contract.spec.ts). The
 * cases are plain async functions that throw on failure, so any runner can run them and
 * report each by name.
 *
 * How a runner calls a case: it gives the case a fresh, empty root and an `openFileSystem`
 * function. Each call of `openFileSystem` returns a new FileSystem instance on that same
 * root; a call after the first models a restart of the process, so the case has closed
 * every file it opened before and never touches the earlier instance again (the memory
 * runner implements a restart as a power-cut crash, which also proves that close flushes).
 */
import { runNamedChecks, type NamedCheckResult } from "../testing/run-named-checks.ts";
import type { FileSystem } from "./file-system.ts";
import { DATA_CASES } from "./contract-cases-data.ts";
import { DURABILITY_CASES } from "./contract-cases-durability.ts";
import { NAMESPACE_CASES } from "./contract-cases-namespace.ts";
import { OPEN_AND_CLOSE_CASES } from "./contract-cases-open.ts";

export type OpenFileSystem = () => Promise<FileSystem>;

export interface FileSystemContractCase {
  readonly name: string;
  run(openFileSystem: OpenFileSystem): Promise<void>;
}

export const FILE_SYSTEM_CONTRACT_CASES: readonly FileSystemContractCase[] = [
  ...OPEN_AND_CLOSE_CASES,
  ...DATA_CASES,
  ...NAMESPACE_CASES,
  ...DURABILITY_CASES,
];

/** One case's outcome (the shape every runner of named checks reports). */
export type ContractCaseResult = NamedCheckResult;

/**
 * Runs each case on its own fresh root from `freshRoot` and reports every case, failed or
 * not. `elapsedMs` is the caller's clock (the core has none of its own).
 */
export function runFileSystemContract(
  freshRoot: (caseName: string) => OpenFileSystem,
  elapsedMs: () => number,
  cases: readonly FileSystemContractCase[] = FILE_SYSTEM_CONTRACT_CASES,
): Promise<ContractCaseResult[]> {
  return runNamedChecks(cases, (contractCase) => contractCase.run(freshRoot(contractCase.name)), elapsedMs);
}
