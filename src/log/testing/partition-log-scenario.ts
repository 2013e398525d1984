/**
 * What a partition log scenario is: a plain async function that throws on failure, given a
 * way to open the storage it runs on, so one scenario runs on every backend (memory under
 * Vitest; OPFS and IndexedDB in a Chromium worker, e2e/harness/partition-log.spec.ts).
 */
import type { FileSystem } from "../fs/file-system.ts";

/**
 * Opens the scenario's root. The first call gives a fresh, empty root; each later call
 * gives a new instance on the same root, as a restarted broker would find it after a clean
 * shutdown: the scenario has closed its log first and never touches the older instance.
 */
export type OpenFileSystem = () => Promise<FileSystem>;

/**
 * The process holding `crashed` dies without closing anything: its open files are released
 * as the operating system releases a dead process's files, so whatever reached the file
 * stays (a torn write is the scenario's to make, with tearNewestSegment). Returns the file
 * system a restarted process finds on the same root. `crashed` is never touched again.
 */
export type RestartAfterCrash = (crashed: FileSystem) => Promise<FileSystem>;

export interface PartitionLogScenario {
  readonly name: string;
  run(openFileSystem: OpenFileSystem, restartAfterCrash: RestartAfterCrash): Promise<void>;
}
