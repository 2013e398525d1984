import { describe, expect, test } from "vitest";
import {
  FILE_SYSTEM_CONTRACT_CASES,
  type OpenFileSystem,
} from "../../log/fs/file-system-contract.ts";
import { StorageError } from "../../log/fs/file-system.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { OpenFileTracker } from "./open-file-tracker.ts";

const SEGMENT = "broker-1/orders-0/00000000000000000000.log";
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

async function storageErrorKind(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof StorageError) return error.kind;
    throw error;
  }
  throw new Error("expected a StorageError");
}

/** Each restart is a power cut of the memory disk, wrapped in a fresh tracker. */
function freshTrackedRoot(): OpenFileSystem {
  let current: MemoryFileSystem | undefined;
  return async () => {
    current = current === undefined ? new MemoryFileSystem() : current.crash({ mode: "power" });
    return new OpenFileTracker(current);
  };
}

describe("open file tracker: still a FileSystem (the contract, over memory)", () => {
  for (const contractCase of FILE_SYSTEM_CONTRACT_CASES) {
    test(contractCase.name, () => contractCase.run(freshTrackedRoot()));
  }
});

describe("open file tracker", () => {
  test("takes the wrapped file system's kind", () => {
    expect(new OpenFileTracker(new MemoryFileSystem()).kind).toBe("memory");
  });

  test("a file the node opened is found while open and forgotten once closed", async () => {
    const files = new OpenFileTracker(new MemoryFileSystem());
    expect(files.openFile(SEGMENT)).toBeNull();

    const nodeHandle = await files.open(SEGMENT, { create: true });
    expect(files.openFile(SEGMENT)).toBe(nodeHandle);
    expect(files.openFile("broker-1/orders-0/00000000000000000000.index")).toBeNull();

    await nodeHandle.close();
    expect(files.openFile(SEGMENT)).toBeNull();
  });

  test("finds the file with or without leading and trailing slashes", async () => {
    const files = new OpenFileTracker(new MemoryFileSystem());
    const nodeHandle = await files.open(`/${SEGMENT}/`, { create: true });
    expect(nodeHandle.path).toBe(SEGMENT);
    expect(files.openFile(SEGMENT)).toBe(nodeHandle);
    expect(files.openFile(`/${SEGMENT}`)).toBe(nodeHandle);
    await nodeHandle.close();
    expect(files.openFile(`${SEGMENT}/`)).toBeNull();
  });

  test("reads through the tracked handle see the node's own writes, unflushed ones too", async () => {
    const files = new OpenFileTracker(new MemoryFileSystem());
    const nodeHandle = await files.open(SEGMENT, { create: true });
    expect(nodeHandle.append(encode("first|"))).toBe(0);
    await nodeHandle.flush();
    expect(nodeHandle.append(encode("second"))).toBe(6);

    const held = files.openFile(SEGMENT);
    if (held === null) throw new Error("the node's file is not tracked");
    expect(held.size()).toBe(12);
    expect(decode(held.read(0, held.size()))).toBe("first|second");
    const target = new Uint8Array(6);
    expect(held.readInto(6, target)).toBe(6);
    expect(decode(target)).toBe("second");

    nodeHandle.write(0, encode("FIRST"));
    nodeHandle.truncate(9);
    expect(decode(held.read(0, 100))).toBe("FIRST|sec");
  });

  test("the node's writes reach the wrapped file system", async () => {
    const memory = new MemoryFileSystem();
    const files = new OpenFileTracker(memory);
    const nodeHandle = await files.open(SEGMENT, { create: true });
    nodeHandle.append(encode("durable"));
    await nodeHandle.close();

    const afterPowerCut = memory.crash({ mode: "power" });
    const reopened = await afterPowerCut.open(SEGMENT);
    expect(decode(reopened.read(0, reopened.size()))).toBe("durable");
  });

  test("a second open of a held file fails busy and leaves the node's handle tracked", async () => {
    const files = new OpenFileTracker(new MemoryFileSystem());
    const nodeHandle = await files.open(SEGMENT, { create: true });
    expect(await storageErrorKind(() => files.open(SEGMENT))).toBe("busy");
    expect(files.openFile(SEGMENT)).toBe(nodeHandle);
  });

  test("a failed open tracks nothing", async () => {
    const files = new OpenFileTracker(new MemoryFileSystem());
    expect(await storageErrorKind(() => files.open(SEGMENT))).toBe("not-found");
    expect(files.openFile(SEGMENT)).toBeNull();
  });

  test("renaming or deleting a held file fails busy and the file stays tracked", async () => {
    const files = new OpenFileTracker(new MemoryFileSystem());
    const nodeHandle = await files.open(SEGMENT, { create: true });
    nodeHandle.append(encode("kept"));

    expect(await storageErrorKind(() => files.rename(SEGMENT, `${SEGMENT}.deleted`))).toBe("busy");
    expect(await storageErrorKind(() => files.delete(SEGMENT))).toBe("busy");
    expect(await storageErrorKind(() => files.delete("broker-1/orders-0"))).toBe("busy");
    expect(files.openFile(SEGMENT)).toBe(nodeHandle);
    expect(files.openFile(`${SEGMENT}.deleted`)).toBeNull();
    expect(decode(nodeHandle.read(0, 4))).toBe("kept");
  });

  test("after close, a rename or delete goes through and the new path is tracked only once opened", async () => {
    const files = new OpenFileTracker(new MemoryFileSystem());
    const nodeHandle = await files.open(SEGMENT, { create: true });
    nodeHandle.append(encode("moved"));
    await nodeHandle.close();

    const renamed = `${SEGMENT}.deleted`;
    await files.rename(SEGMENT, renamed);
    expect(await files.exists(SEGMENT)).toBe(false);
    expect(await files.list("broker-1/orders-0")).toEqual(["00000000000000000000.log.deleted"]);
    expect(files.openFile(SEGMENT)).toBeNull();
    expect(files.openFile(renamed)).toBeNull();

    const reopened = await files.open(renamed);
    expect(files.openFile(renamed)).toBe(reopened);
    expect(decode(reopened.read(0, reopened.size()))).toBe("moved");
    await reopened.close();

    await files.delete("broker-1/orders-0");
    expect(await files.exists(renamed)).toBe(false);
    expect(files.openFile(renamed)).toBeNull();
  });

  test("a close whose flush fails still forgets the file (the backend released it)", async () => {
    const memory = new MemoryFileSystem();
    const files = new OpenFileTracker(memory);
    const nodeHandle = await files.open(SEGMENT, { create: true });
    nodeHandle.append(encode("unflushed"));

    memory.faults.failFlush = true;
    expect(await storageErrorKind(() => nodeHandle.close())).toBe("io-error");
    expect(files.openFile(SEGMENT)).toBeNull();

    memory.faults.failFlush = false;
    const reopened = await files.open(SEGMENT);
    expect(files.openFile(SEGMENT)).toBe(reopened);
  });

  test("closing a stale handle again does not forget the newer handle on the same path", async () => {
    const files = new OpenFileTracker(new MemoryFileSystem());
    const first = await files.open(SEGMENT, { create: true });
    await first.close();
    const second = await files.open(SEGMENT);

    expect(await storageErrorKind(() => first.close())).toBe("closed");
    expect(files.openFile(SEGMENT)).toBe(second);
  });

  test("tracks each open file on its own", async () => {
    const files = new OpenFileTracker(new MemoryFileSystem());
    const log = await files.open(SEGMENT, { create: true });
    const index = await files.open("broker-1/orders-0/00000000000000000000.index", {
      create: true,
    });
    await log.close();
    expect(files.openFile(SEGMENT)).toBeNull();
    expect(files.openFile("broker-1/orders-0/00000000000000000000.index")).toBe(index);
  });
});
