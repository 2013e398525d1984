import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import {
  FILE_SYSTEM_CONTRACT_CASES,
  type OpenFileSystem,
} from "../../log/fs/file-system-contract.ts";
import { StorageError } from "../../log/fs/file-system.ts";
import { NodeFileSystem, toStorageError } from "./node-file-system.ts";

const temporaryRoot = mkdtempSync(join(tmpdir(), "node-file-system-"));
afterAll(() => rmSync(temporaryRoot, { recursive: true, force: true }));

let rootCount = 0;
/** A fresh directory per case; each call is a new instance on it, as a restarted broker. */
function freshNodeRoot(): OpenFileSystem {
  const root = join(temporaryRoot, `case-${rootCount++}`);
  return async () => new NodeFileSystem(root);
}

describe("node file system: the contract", () => {
  for (const contractCase of FILE_SYSTEM_CONTRACT_CASES) {
    test(contractCase.name, () => contractCase.run(freshNodeRoot()));
  }
});

describe("node file system: on the real disk", () => {
  test("files are laid out under the root exactly as their paths say", async () => {
    const root = join(temporaryRoot, "layout");
    const fs = new NodeFileSystem(root);
    const file = await fs.open("broker-1/orders-0/00000000000000000000.log", { create: true });
    file.append(new TextEncoder().encode("batch"));
    await file.close();
    expect(readFileSync(join(root, "broker-1/orders-0/00000000000000000000.log"), "utf8")).toBe(
      "batch",
    );
  });

  test("an open file sees its size from the disk, including bytes written before it opened", async () => {
    const root = join(temporaryRoot, "preexisting");
    const fs = new NodeFileSystem(root);
    writeFileSync(join(root, "meta.properties"), "node.id=1\n");
    const file = await fs.open("meta.properties");
    expect(file.size()).toBe(10);
    expect(file.append(new Uint8Array([1]))).toBe(10);
    await file.close();
  });

  test("node errors map to the port's kinds", () => {
    const failure = (code: string) => Object.assign(new Error(code), { code });
    expect(toStorageError(failure("ENOENT"), "p").kind).toBe("not-found");
    expect(toStorageError(failure("ENOSPC"), "p").kind).toBe("disk-full");
    expect(toStorageError(failure("EDQUOT"), "p").kind).toBe("disk-full");
    expect(toStorageError(failure("EBADF"), "p").kind).toBe("closed");
    expect(toStorageError(failure("EIO"), "p").kind).toBe("io-error");
    const original = new StorageError("busy", "p", "open");
    expect(toStorageError(original, "q")).toBe(original);
  });
});
