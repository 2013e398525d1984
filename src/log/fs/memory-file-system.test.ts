import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FILE_SYSTEM_CONTRACT_CASES, type OpenFileSystem } from "./file-system-contract.ts";
import { StorageError, type StorageFile } from "./file-system.ts";
import { MemoryFileSystem } from "./memory-file-system.ts";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const textOf = (file: StorageFile): string => new TextDecoder().decode(file.read(0, file.size()));
const encode = (value: string): Uint8Array => new TextEncoder().encode(value);
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, index) => byte === b[index]);

/** Each restart is a power cut, so the contract also proves that close flushes. */
function freshMemoryRoot(): OpenFileSystem {
  let current: MemoryFileSystem | undefined;
  return async () =>
    (current = current === undefined ? new MemoryFileSystem() : current.crash({ mode: "power" }));
}

async function expectStorageError(kind: string, action: () => unknown): Promise<void> {
  let failure: unknown;
  try {
    await action();
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(StorageError);
  expect((failure as StorageError).kind).toBe(kind);
}

describe("memory file system: the contract", () => {
  for (const contractCase of FILE_SYSTEM_CONTRACT_CASES) {
    test(contractCase.name, () => contractCase.run(freshMemoryRoot()));
  }
});

describe("memory file system: crashes", () => {
  test("a process crash keeps everything written; a power cut keeps only what was flushed", async () => {
    const fs = new MemoryFileSystem();
    const file = await fs.open("t-0/0.log", { create: true });
    file.append(encode("flushed|"));
    await file.flush();
    file.append(encode("written"));

    const afterProcessCrash = fs.crash({ mode: "process" });
    const survivor = await afterProcessCrash.open("t-0/0.log");
    expect(textOf(survivor)).toBe("flushed|written");
    // What the page cache held is still not durable: a power cut now loses it.
    const afterPowerCut = afterProcessCrash.crash({ mode: "power" });
    const flushedOnly = await afterPowerCut.open("t-0/0.log");
    expect(textOf(flushedOnly)).toBe("flushed|");
  });

  test("a file created but never flushed survives a power cut empty", async () => {
    const fs = new MemoryFileSystem();
    const file = await fs.open("new.log", { create: true });
    file.append(encode("lost"));
    const after = fs.crash({ mode: "power" });
    expect(await after.list("")).toEqual(["new.log"]);
    const reopened = await after.open("new.log");
    expect(reopened.size()).toBe(0);
  });

  test("a power cut restores overwritten and truncated bytes to their flushed state", async () => {
    const fs = new MemoryFileSystem();
    const file = await fs.open("f", { create: true });
    file.append(encode("0123456789"));
    await file.flush();
    file.write(2, encode("ab"));
    file.truncate(4);
    file.truncate(8);
    const after = fs.crash({ mode: "power" });
    expect(textOf(await after.open("f"))).toBe("0123456789");
  });

  test("a crash ends the old file system and its open files", async () => {
    const fs = new MemoryFileSystem();
    const file = await fs.open("f", { create: true });
    const after = fs.crash();
    await expectStorageError("closed", () => file.append(bytes(1)));
    await expectStorageError("closed", () => file.read(0, 1));
    await expectStorageError("closed", () => file.close());
    await expectStorageError("closed", () => fs.open("f"));
    await expectStorageError("closed", () => fs.list(""));
    expect(() => fs.crash()).toThrow(StorageError);
    // The restarted process may open the file: the dead one's handle holds no lock.
    const reopened = await after.open("f");
    await reopened.close();
  });

  test("random writes, truncates and flushes: a power cut leaves exactly the last flushed state", async () => {
    const operation = fc.oneof(
      fc.record({
        kind: fc.constant("write" as const),
        position: fc.nat(3000),
        length: fc.nat(700),
        seed: fc.nat(255),
      }),
      fc.record({ kind: fc.constant("append" as const), length: fc.nat(700), seed: fc.nat(255) }),
      fc.record({ kind: fc.constant("truncate" as const), size: fc.nat(3500) }),
      fc.record({ kind: fc.constant("flush" as const) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { maxLength: 40 }),
        fc.boolean(),
        async (operations, processFirst) => {
          let fs = new MemoryFileSystem();
          const file = await fs.open("model.bin", { create: true });
          let written = new Uint8Array(0);
          let flushed = new Uint8Array(0);
          const resize = (size: number): void => {
            const next = new Uint8Array(size);
            next.set(written.subarray(0, Math.min(size, written.length)));
            written = next;
          };
          for (const op of operations) {
            if (op.kind === "flush") {
              await file.flush();
              flushed = written.slice();
              continue;
            }
            if (op.kind === "truncate") {
              file.truncate(op.size);
              resize(op.size);
              continue;
            }
            const data = new Uint8Array(op.length).fill(op.seed);
            const position = op.kind === "append" ? written.length : op.position;
            file.write(position, data);
            if (data.length > 0) {
              if (position + data.length > written.length) resize(position + data.length);
              written.set(data, position);
            }
          }
          if (processFirst) {
            fs = fs.crash({ mode: "process" });
            const survivor = await fs.open("model.bin");
            expect(sameBytes(survivor.read(0, written.length + 1), written)).toBe(true);
            fs = fs.crash({ mode: "power" });
          } else {
            fs = fs.crash({ mode: "power" });
          }
          const reopened = await fs.open("model.bin");
          expect(sameBytes(reopened.read(0, flushed.length + 1), flushed)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("memory file system: the torn-write fault", () => {
  test("only the chosen prefix of the last unflushed append survives a process crash", async () => {
    const fs = new MemoryFileSystem({ faults: { tornWrite: true } });
    const file = await fs.open("t-0/0.log", { create: true });
    file.append(encode("batch-1;"));
    file.append(encode("batch-2;"));
    const after = fs.crash({ mode: "process", tornWriteKeepsBytes: 3 });
    expect(textOf(await after.open("t-0/0.log"))).toBe("batch-1;bat");
  });

  test("a torn overwrite keeps the old bytes after the prefix", async () => {
    const fs = new MemoryFileSystem({ faults: { tornWrite: true } });
    const file = await fs.open("f", { create: true });
    file.append(encode("0123456789"));
    file.write(6, encode("abcdefgh"));
    const after = fs.crash({ tornWriteKeepsBytes: 2 });
    expect(textOf(await after.open("f"))).toBe("012345ab89");
  });

  test("a write torn to nothing does not extend the file by its gap", async () => {
    const fs = new MemoryFileSystem({ faults: { tornWrite: true } });
    const file = await fs.open("f", { create: true });
    file.append(encode("abc"));
    file.write(100, encode("far"));
    const after = fs.crash();
    expect(textOf(await after.open("f"))).toBe("abc");
  });

  test("only the last write tears, and not once it is flushed or followed by a truncate", async () => {
    const fs = new MemoryFileSystem({ faults: { tornWrite: true } });
    const first = await fs.open("first", { create: true });
    const second = await fs.open("second", { create: true });
    first.append(encode("whole"));
    second.append(encode("flushed"));
    await second.flush();
    let after = fs.crash({ tornWriteKeepsBytes: 1 });
    expect(textOf(await after.open("first"))).toBe("whole");
    expect(textOf(await after.open("second"))).toBe("flushed");

    const third = await after.open("third", { create: true });
    third.append(encode("truncated"));
    third.truncate(5);
    after = after.crash({ tornWriteKeepsBytes: 0 });
    expect(textOf(await after.open("third"))).toBe("trunc");
  });

  test("without the fault, or on a power cut, a torn prefix length is a mistake in the test", () => {
    expect(() => new MemoryFileSystem().crash({ tornWriteKeepsBytes: 1 })).toThrow(/tornWrite/);
    const torn = new MemoryFileSystem({ faults: { tornWrite: true } });
    expect(() => torn.crash({ mode: "power", tornWriteKeepsBytes: 1 })).toThrow(/tornWrite/);
  });
});

describe("memory file system: the failed-flush fault", () => {
  test("flush rejects with io-error and nothing becomes durable until the fault clears", async () => {
    const fs = new MemoryFileSystem({ faults: { failFlush: true } });
    const file = await fs.open("f", { create: true });
    file.append(encode("data"));
    await expectStorageError("io-error", () => file.flush());
    expect(textOf(file)).toBe("data");
    const afterFailedFlush = fs.crash({ mode: "power" });
    expect((await afterFailedFlush.open("f")).size()).toBe(0);

    const healed = new MemoryFileSystem({ faults: { failFlush: true } });
    const retried = await healed.open("f", { create: true });
    retried.append(encode("data"));
    await expectStorageError("io-error", () => retried.flush());
    healed.faults.failFlush = false;
    await retried.flush();
    expect(textOf(await healed.crash({ mode: "power" }).open("f"))).toBe("data");
  });

  test("close rejects too, but releases the file", async () => {
    const fs = new MemoryFileSystem({ faults: { failFlush: true } });
    const file = await fs.open("f", { create: true });
    file.append(encode("x"));
    await expectStorageError("io-error", () => file.close());
    await expectStorageError("closed", () => file.size());
    const reopened = await fs.open("f");
    expect(textOf(reopened)).toBe("x");
  });
});

describe("memory file system: the full-disk fault", () => {
  test("a write beyond the capacity throws disk-full and writes nothing", async () => {
    const fs = new MemoryFileSystem({ faults: { capacityBytes: 10 } });
    const a = await fs.open("a", { create: true });
    const b = await fs.open("b", { create: true });
    a.append(encode("123456"));
    await expectStorageError("disk-full", () => b.append(encode("abcde")));
    expect(b.size()).toBe(0);
    await expectStorageError("disk-full", () => a.write(8, encode("xyz")));
    expect(textOf(a)).toBe("123456");
    await expectStorageError("disk-full", () => a.truncate(11));
    expect(a.size()).toBe(6);
    expect(fs.usedBytes()).toBe(6);
  });

  test("overwrites within the size still work when the disk is full, and deleting frees space", async () => {
    const fs = new MemoryFileSystem({ faults: { capacityBytes: 4 } });
    const full = await fs.open("full", { create: true });
    full.append(encode("abcd"));
    full.write(1, encode("XY"));
    expect(textOf(full)).toBe("aXYd");
    await full.close();
    const other = await fs.open("other", { create: true });
    await expectStorageError("disk-full", () => other.append(encode("e")));
    await other.close();
    await fs.delete("full");
    expect(fs.usedBytes()).toBe(0);
    const again = await fs.open("other");
    expect(again.append(encode("efgh"))).toBe(0);
  });

  test("the capacity can be lowered at run time and carries over a crash", async () => {
    const fs = new MemoryFileSystem();
    const file = await fs.open("f", { create: true });
    file.append(new Uint8Array(1000));
    fs.faults.capacityBytes = fs.usedBytes() + 10;
    file.append(new Uint8Array(10));
    await expectStorageError("disk-full", () => file.append(new Uint8Array(1)));
    const after = fs.crash();
    expect(after.usedBytes()).toBe(1010);
    const reopened = await after.open("f");
    await expectStorageError("disk-full", () => reopened.append(new Uint8Array(1)));
  });
});
