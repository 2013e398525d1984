/**
 * Contract cases: the namespace (list, mkdir, exists, rename, delete) and the path names a
 * Kafka log directory really uses.
 */
import type { FileSystem } from "./file-system.ts";
import { checkBytes, checkEqual, checkStorageError, text, utf8 } from "./contract-checks.ts";
import type { FileSystemContractCase } from "./file-system-contract.ts";

async function writeFile(fs: FileSystem, path: string, contents: string): Promise<void> {
  const file = await fs.open(path, { create: true });
  file.truncate(0);
  file.append(utf8(contents));
  await file.close();
}

async function readFile(fs: FileSystem, path: string): Promise<string> {
  const file = await fs.open(path);
  const contents = text(file.read(0, file.size()).slice());
  await file.close();
  return contents;
}

export const NAMESPACE_CASES: readonly FileSystemContractCase[] = [
  {
    name: "list gives the sorted names of files and directories directly inside",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      for (const name of ["b", "a.log", "A", "a-1", "a_2", "10", "9"])
        await writeFile(fs, `logs/${name}`, name);
      await fs.mkdir("logs/dir");
      await writeFile(fs, "logs/sub/deeper.log", "deep");
      checkEqual(
        await fs.list("logs"),
        ["10", "9", "A", "a-1", "a.log", "a_2", "b", "dir", "sub"],
        "list logs",
      );
      checkEqual(await fs.list("logs/sub"), ["deeper.log"], "list logs/sub");
      checkEqual(await fs.list("logs/dir"), [], "list an empty directory");
      checkEqual(await fs.list(""), ["logs"], "list the root");
      await checkStorageError("not-found", () => fs.list("nowhere"), "list a missing directory");
    },
  },
  {
    name: "mkdir makes nested directories and may be repeated",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      await fs.mkdir("a/b/c");
      await fs.mkdir("a/b/c");
      await fs.mkdir("a");
      await fs.mkdir("");
      checkEqual(await fs.list("a"), ["b"], "list a");
      checkEqual(await fs.list("a/b"), ["c"], "list a/b");
      checkEqual(await fs.list("a/b/c"), [], "list a/b/c");
    },
  },
  {
    name: "exists tells files and directories from missing paths",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      await writeFile(fs, "dir/file.log", "x");
      await fs.mkdir("empty");
      checkEqual(await fs.exists(""), true, "the root");
      checkEqual(await fs.exists("dir"), true, "a directory");
      checkEqual(await fs.exists("dir/file.log"), true, "a file");
      checkEqual(await fs.exists("empty"), true, "an empty directory");
      checkEqual(await fs.exists("dir/missing.log"), false, "a missing file");
      checkEqual(await fs.exists("missing/file.log"), false, "below a missing directory");
      checkEqual(await fs.exists("dir/file.log/below"), false, "below a file");
    },
  },
  {
    name: "rename moves a file, within and across directories",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      await writeFile(fs, "topic-0/segment.log.cleaned", "cleaned");
      await fs.rename("topic-0/segment.log.cleaned", "topic-0/segment.log");
      checkEqual(await fs.list("topic-0"), ["segment.log"], "after renaming in place");
      await fs.rename("topic-0/segment.log", "elsewhere/deep/segment.log");
      checkEqual(await fs.list("topic-0"), [], "the source directory stays, empty");
      checkEqual(
        await readFile(fs, "elsewhere/deep/segment.log"),
        "cleaned",
        "contents after moving",
      );
      await fs.rename("elsewhere/deep/segment.log", "elsewhere/deep/segment.log");
      checkEqual(
        await readFile(fs, "elsewhere/deep/segment.log"),
        "cleaned",
        "renaming onto itself changes nothing",
      );
    },
  },
  {
    name: "rename replaces the target, as a checkpoint swap does",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      await writeFile(fs, "recovery-point-offset-checkpoint", "0\n1\norders 0 100\n");
      await writeFile(fs, "recovery-point-offset-checkpoint.tmp", "0\n1\norders 0 250\n");
      await fs.rename("recovery-point-offset-checkpoint.tmp", "recovery-point-offset-checkpoint");
      checkEqual(await fs.list(""), ["recovery-point-offset-checkpoint"], "names after the swap");
      checkEqual(
        await readFile(fs, "recovery-point-offset-checkpoint"),
        "0\n1\norders 0 250\n",
        "contents",
      );
    },
  },
  {
    name: "rename of a missing file, of a directory or onto a directory fails",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      await writeFile(fs, "file.log", "f");
      await fs.mkdir("dir/inner");
      await checkStorageError(
        "not-found",
        () => fs.rename("missing.log", "other.log"),
        "rename a missing file",
      );
      await checkStorageError("io-error", () => fs.rename("dir", "dir2"), "rename a directory");
      await checkStorageError(
        "io-error",
        () => fs.rename("file.log", "dir"),
        "rename onto a directory",
      );
      checkEqual(await fs.list(""), ["dir", "file.log"], "nothing changed");
      checkEqual(await fs.list("dir"), ["inner"], "the directory is intact");
    },
  },
  {
    name: "delete removes a file or a whole directory, and missing paths are fine",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      await writeFile(fs, "broker-1/orders-0/00000000000000000000.log", "log");
      await writeFile(fs, "broker-1/orders-0/00000000000000000000.index", "index");
      await writeFile(fs, "broker-1/orders-1/00000000000000000000.log", "log");
      await fs.mkdir("broker-1/orders-0/empty/deeper");
      await fs.delete("broker-1/orders-0/00000000000000000000.index");
      checkEqual(
        await fs.list("broker-1/orders-0"),
        ["00000000000000000000.log", "empty"],
        "after deleting a file",
      );
      await fs.delete("broker-1/orders-0");
      checkEqual(await fs.list("broker-1"), ["orders-1"], "after deleting a directory");
      checkEqual(
        await fs.exists("broker-1/orders-0/00000000000000000000.log"),
        false,
        "files below are gone",
      );
      await fs.delete("broker-1/orders-0");
      await fs.delete("never/was");
      checkEqual(
        await readFile(fs, "broker-1/orders-1/00000000000000000000.log"),
        "log",
        "the sibling is intact",
      );
    },
  },
  {
    name: "a deleted file created again starts empty",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("reborn.log", { create: true });
      file.append(new Uint8Array(150_000).fill(7));
      await file.close();
      await fs.delete("reborn.log");
      const reborn = await fs.open("reborn.log", { create: true });
      checkEqual(reborn.size(), 0, "size of the new file");
      reborn.truncate(150_000);
      checkBytes(reborn.read(0, 150_000), new Uint8Array(150_000), "no bytes of the deleted file");
      await reborn.close();
    },
  },
  {
    name: "paths with topic names holding '.', '_' and '-' work everywhere",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const directories = ["__consumer_offsets-0", "my.topic-name_v2-12", "__cluster_metadata-0"];
      for (const directory of directories) {
        await writeFile(fs, `broker-1/${directory}/00000000000000000042.log`, directory);
        await writeFile(fs, `broker-1/${directory}/00000000000000000042.timeindex`, "t");
        await writeFile(fs, `broker-1/${directory}/leader-epoch-checkpoint`, "0\n0\n");
      }
      await writeFile(fs, "broker-1/meta.properties", "node.id=1\n");
      checkEqual(
        await fs.list("broker-1"),
        [...directories, "meta.properties"].sort(),
        "list broker-1",
      );
      checkEqual(
        await fs.list("broker-1/my.topic-name_v2-12"),
        ["00000000000000000042.log", "00000000000000000042.timeindex", "leader-epoch-checkpoint"],
        "list a partition directory",
      );
      await fs.rename(
        "broker-1/my.topic-name_v2-12/00000000000000000042.log",
        "broker-1/my.topic-name_v2-12/00000000000000000042.log.deleted",
      );
      checkEqual(
        await readFile(fs, "broker-1/my.topic-name_v2-12/00000000000000000042.log.deleted"),
        "my.topic-name_v2-12",
        "renamed segment",
      );
      await fs.delete("broker-1/__consumer_offsets-0");
      checkEqual(
        await fs.list("broker-1"),
        ["__cluster_metadata-0", "meta.properties", "my.topic-name_v2-12"],
        "after deleting one",
      );
    },
  },
];
