/**
 * Contract cases: opening, creating, the one-open-at-a-time rule, and closed handles.
 */
import { check, checkBytes, checkEqual, checkStorageError, text, utf8 } from "./contract-checks.ts";
import type { FileSystemContractCase } from "./file-system-contract.ts";

export const OPEN_AND_CLOSE_CASES: readonly FileSystemContractCase[] = [
  {
    name: "opening a missing file without create fails with not-found",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      await checkStorageError("not-found", () => fs.open("missing.log"), "open missing.log");
      await checkStorageError(
        "not-found",
        () => fs.open("no-dir/missing.log"),
        "open in a missing directory",
      );
      checkEqual(await fs.exists("missing.log"), false, "a failed open creates nothing");
      // The rejected open reserves nothing: creating the file afterwards works.
      const file = await fs.open("missing.log", { create: true });
      await file.close();
    },
  },
  {
    name: "open with create makes an empty file, and its parent directories",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("broker-1/orders-0/00000000000000000000.log", { create: true });
      checkEqual(file.path, "broker-1/orders-0/00000000000000000000.log", "path");
      checkEqual(file.size(), 0, "size of a new file");
      checkEqual(file.read(0, 10).length, 0, "bytes read from a new file");
      await file.close();
      checkEqual(await fs.exists("broker-1"), true, "exists broker-1");
      checkEqual(await fs.exists("broker-1/orders-0"), true, "exists broker-1/orders-0");
      checkEqual(await fs.list("broker-1/orders-0"), ["00000000000000000000.log"], "list");
    },
  },
  {
    name: "open with create keeps an existing file's contents",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const first = await fs.open("keep.txt", { create: true });
      first.append(utf8("kafka"));
      await first.close();
      const again = await fs.open("keep.txt", { create: true });
      checkEqual(text(again.read(0, 100)), "kafka", "contents after reopening with create");
      await again.close();
      const plain = await fs.open("keep.txt");
      checkEqual(plain.size(), 5, "size after reopening without create");
      await plain.close();
    },
  },
  {
    name: "a directory cannot be opened as a file, nor a file used as a directory",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      await fs.mkdir("topic-0");
      await checkStorageError("io-error", () => fs.open("topic-0"), "open a directory");
      await checkStorageError(
        "io-error",
        () => fs.open("topic-0", { create: true }),
        "create over a directory",
      );
      const file = await fs.open("plain.log", { create: true });
      await file.close();
      await checkStorageError(
        "io-error",
        () => fs.open("plain.log/inner", { create: true }),
        "create below a file",
      );
      await checkStorageError("io-error", () => fs.mkdir("plain.log"), "mkdir over a file");
      await checkStorageError("io-error", () => fs.mkdir("plain.log/inner"), "mkdir below a file");
      await checkStorageError("io-error", () => fs.list("plain.log"), "list a file");
      checkEqual(await fs.list(""), ["plain.log", "topic-0"], "root after the failed calls");
    },
  },
  {
    name: "a file open once cannot be opened again until it is closed",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("once.log", { create: true });
      await checkStorageError("busy", () => fs.open("once.log"), "second open");
      await checkStorageError(
        "busy",
        () => fs.open("once.log", { create: true }),
        "second open with create",
      );
      file.append(utf8("still mine"));
      await file.close();
      const reopened = await fs.open("once.log");
      checkEqual(text(reopened.read(0, 100)), "still mine", "contents after reopening");
      await reopened.close();
    },
  },
  {
    name: "of two concurrent opens of one file exactly one succeeds",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const outcomes = await Promise.allSettled([
        fs.open("race.log", { create: true }),
        fs.open("race.log", { create: true }),
      ]);
      const opened = outcomes.filter((outcome) => outcome.status === "fulfilled");
      const refused = outcomes.filter((outcome) => outcome.status === "rejected");
      checkEqual(opened.length, 1, "opens that succeeded");
      const reason = (refused[0] as PromiseRejectedResult).reason as { kind?: string };
      checkEqual(reason.kind, "busy", "kind of the refused open");
      await (
        opened[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof fs.open>>>
      ).value.close();
    },
  },
  {
    name: "an open file cannot be renamed, replaced or deleted",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const other = await fs.open("dir/other.log", { create: true });
      other.append(utf8("other"));
      await other.close();
      const file = await fs.open("dir/open.log", { create: true });
      file.append(utf8("open"));
      await checkStorageError(
        "busy",
        () => fs.rename("dir/open.log", "dir/moved.log"),
        "rename from an open file",
      );
      await checkStorageError(
        "busy",
        () => fs.rename("dir/other.log", "dir/open.log"),
        "rename onto an open file",
      );
      await checkStorageError("busy", () => fs.delete("dir/open.log"), "delete an open file");
      await checkStorageError(
        "busy",
        () => fs.delete("dir"),
        "delete a directory holding an open file",
      );
      checkEqual(await fs.list("dir"), ["open.log", "other.log"], "nothing moved or deleted");
      checkEqual(text(file.read(0, 100)), "open", "the open file is untouched");
      await file.close();
      await fs.delete("dir");
      checkEqual(await fs.exists("dir"), false, "the directory deletes once the file is closed");
    },
  },
  {
    name: "a closed handle fails every call with closed",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("closed.log", { create: true });
      file.append(utf8("abc"));
      await file.close();
      await checkStorageError("closed", () => file.size(), "size");
      await checkStorageError("closed", () => file.read(0, 1), "read");
      await checkStorageError("closed", () => file.write(0, utf8("x")), "write");
      await checkStorageError("closed", () => file.append(utf8("x")), "append");
      await checkStorageError("closed", () => file.truncate(0), "truncate");
      await checkStorageError("closed", () => file.flush(), "flush");
      await checkStorageError("closed", () => file.close(), "close twice");
      const reopened = await fs.open("closed.log");
      checkBytes(reopened.read(0, 10), utf8("abc"), "calls on the closed handle changed nothing");
      await reopened.close();
    },
  },
  {
    name: "flush keeps the file open and usable",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("flushing.log", { create: true });
      file.append(utf8("one "));
      await file.flush();
      await file.flush();
      file.append(utf8("two"));
      await file.flush();
      checkEqual(text(file.read(0, 100)), "one two", "contents");
      check(file.size() === 7, "size after flushes");
      await file.close();
    },
  },
];
