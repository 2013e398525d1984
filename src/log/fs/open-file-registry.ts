/**
 * Which files a FileSystem instance has open, so that every backend enforces the port's
 * "open at most once" rule the same way (OPFS would enforce it by itself, node:fs and
 * IndexedDB would not). A path is reserved synchronously when `open` starts, before any
 * await, so two concurrent opens of one file cannot both succeed.
 */
import { isSameOrBelow } from "./storage-path.ts";
import { StorageError } from "./file-system.ts";

export class OpenFileRegistry {
  private readonly openPaths = new Set<string>();

  /** Marks `path` open; throws `busy` when it already is. */
  reserve(path: string): void {
    this.assertNotOpen(path);
    this.openPaths.add(path);
  }

  release(path: string): void {
    this.openPaths.delete(path);
  }

  assertNotOpen(path: string): void {
    if (this.openPaths.has(path)) throw new StorageError("busy", path, "the file is open");
  }

  /** Throws `busy` when `path` or anything below it (for a directory) is open. */
  assertNothingOpenAt(path: string): void {
    for (const open of this.openPaths) {
      if (isSameOrBelow(open, path)) throw new StorageError("busy", path, `${open} is open`);
    }
  }

  /** Every open path; a crash or shutdown uses it to invalidate handles. */
  paths(): string[] {
    return [...this.openPaths];
  }
}

/**
 * Checks the arguments of read/write/truncate: a negative or fractional position or length
 * is a programmer error in the log, not a storage failure, so it throws a RangeError.
 */
export function checkByteRange(what: string, position: number, length = 0): void {
  if (
    !Number.isSafeInteger(position) ||
    position < 0 ||
    !Number.isSafeInteger(length) ||
    length < 0
  ) {
    throw new RangeError(
      `${what}: position ${position} and length ${length} must be non-negative integers`,
    );
  }
}
