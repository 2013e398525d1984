/**
 * Contract cases: what survives a restart (a new FileSystem instance on the same root),
 * large files, many files, and a seeded random workload checked against a plain model.
 */
import {
  check,
  checkBytes,
  checkEqual,
  checkZeros,
  patternBytes,
  seededRandom,
  text,
  utf8,
} from "./contract-checks.ts";
import type { FileSystemContractCase } from "./file-system-contract.ts";

const LARGE_FILE_BYTES = 8 * 1024 * 1024;
const LARGE_FILE_PIECE_BYTES = 100_000;
const MANY_FILES_COUNT = 200;

export const DURABILITY_CASES: readonly FileSystemContractCase[] = [
  {
    name: "a restarted file system finds flushed files, directories, renames and deletes",
    async run(openFileSystem) {
      const before = await openFileSystem();
      const segment = await before.open("broker-1/orders-0/00000000000000000000.log", {
        create: true,
      });
      segment.append(utf8("first batch;"));
      await segment.flush();
      segment.append(utf8("second batch"));
      await segment.close();
      await before.mkdir("broker-1/empty-0");
      const checkpoint = await before.open("broker-1/checkpoint.tmp", { create: true });
      checkpoint.append(utf8("offsets"));
      await checkpoint.close();
      await before.rename("broker-1/checkpoint.tmp", "broker-1/checkpoint");
      const doomed = await before.open("broker-1/doomed-0/x.log", { create: true });
      await doomed.close();
      await before.delete("broker-1/doomed-0");

      const after = await openFileSystem();
      checkEqual(
        await after.list("broker-1"),
        ["checkpoint", "empty-0", "orders-0"],
        "list broker-1",
      );
      checkEqual(await after.list("broker-1/empty-0"), [], "the empty directory");
      const reopened = await after.open("broker-1/orders-0/00000000000000000000.log");
      checkEqual(text(reopened.read(0, 100)), "first batch;second batch", "segment contents");
      await reopened.close();
      const swapped = await after.open("broker-1/checkpoint");
      checkEqual(text(swapped.read(0, 100)), "offsets", "renamed checkpoint");
      await swapped.close();
    },
  },
  {
    name: "a truncation survives a restart, and growing afterwards gives zeros",
    async run(openFileSystem) {
      const first = await openFileSystem();
      const file = await first.open("shrinking.log", { create: true });
      file.append(patternBytes(200_000, 3));
      await file.close();

      const second = await openFileSystem();
      const shrink = await second.open("shrinking.log");
      shrink.truncate(10);
      await shrink.close();

      const third = await openFileSystem();
      const grow = await third.open("shrinking.log");
      checkEqual(grow.size(), 10, "size after the restart");
      checkBytes(grow.read(0, 10), patternBytes(10, 3), "kept bytes");
      grow.truncate(200_000);
      checkZeros(grow.read(10, 200_000), 199_990, "grown bytes");
      await grow.close();

      const fourth = await openFileSystem();
      const grown = await fourth.open("shrinking.log");
      checkEqual(grown.size(), 200_000, "size after growing and a restart");
      checkBytes(grown.read(0, 10), patternBytes(10, 3), "kept bytes after growing and a restart");
      checkZeros(grown.read(10, 200_000), 199_990, "grown bytes after a restart");
      await grown.close();
    },
  },
  {
    name: "a shrink and a regrow between flushes leave zeros, after a restart too",
    async run(openFileSystem) {
      const first = await openFileSystem();
      const file = await first.open("regrown.log", { create: true });
      file.append(patternBytes(200_000, 5));
      await file.close();

      const second = await openFileSystem();
      const regrow = await second.open("regrown.log");
      regrow.truncate(70_000);
      regrow.truncate(180_000);
      regrow.write(250_000, utf8("tail"));
      await regrow.close();

      const third = await openFileSystem();
      const reopened = await third.open("regrown.log");
      checkEqual(reopened.size(), 250_004, "size after the restart");
      checkBytes(reopened.read(0, 70_000), patternBytes(70_000, 5), "kept bytes");
      checkZeros(reopened.read(70_000, 180_000), 180_000, "regrown bytes and the gap");
      checkEqual(text(reopened.read(250_000, 10)), "tail", "the tail written after regrowing");
      await reopened.close();
    },
  },
  {
    name: "a rename over a larger file leaves none of its bytes, after a restart too",
    async run(openFileSystem) {
      const first = await openFileSystem();
      const large = await first.open("target.log", { create: true });
      large.append(patternBytes(150_000, 4));
      await large.close();
      const small = await first.open("source.log", { create: true });
      small.append(utf8("small"));
      await small.close();
      await first.rename("source.log", "target.log");

      const second = await openFileSystem();
      checkEqual(await second.list(""), ["target.log"], "names");
      const target = await second.open("target.log");
      checkEqual(target.size(), 5, "size of the replaced target");
      target.truncate(150_000);
      checkEqual(text(target.read(0, 5)), "small", "contents");
      checkZeros(target.read(5, 150_000), 149_995, "grown bytes");
      await target.close();
    },
  },
  {
    name: "an 8 MiB file written in pieces reads back whole, after a restart too",
    async run(openFileSystem) {
      const before = await openFileSystem();
      const file = await before.open("big/00000000000000000000.log", { create: true });
      const expected = new Uint8Array(LARGE_FILE_BYTES);
      for (let position = 0; position < LARGE_FILE_BYTES; position += LARGE_FILE_PIECE_BYTES) {
        const piece = patternBytes(
          Math.min(LARGE_FILE_PIECE_BYTES, LARGE_FILE_BYTES - position),
          position,
        );
        checkEqual(file.append(piece), position, "append position");
        expected.set(piece, position);
      }
      checkEqual(file.size(), LARGE_FILE_BYTES, "size");
      checkBytes(
        file.read(LARGE_FILE_PIECE_BYTES - 3, 6),
        expected.subarray(LARGE_FILE_PIECE_BYTES - 3, LARGE_FILE_PIECE_BYTES + 3),
        "across a piece edge",
      );
      await file.close();

      const after = await openFileSystem();
      const reopened = await after.open("big/00000000000000000000.log");
      checkEqual(reopened.size(), LARGE_FILE_BYTES, "size after the restart");
      checkBytes(reopened.read(0, LARGE_FILE_BYTES), expected, "whole file after the restart");
      await reopened.close();
    },
  },
  {
    name: "200 files in one directory are all listed and readable",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const names: string[] = [];
      for (let index = 0; index < MANY_FILES_COUNT; index++) {
        const name = `${String(index * 1000).padStart(20, "0")}.log`;
        names.push(name);
        const file = await fs.open(`many-0/${name}`, { create: true });
        file.append(utf8(`segment ${index}`));
        await file.close();
      }
      checkEqual(await fs.list("many-0"), names, "list");
      const after = await openFileSystem();
      checkEqual((await after.list("many-0")).length, MANY_FILES_COUNT, "count after a restart");
      for (const [index, name] of names.entries()) {
        const file = await after.open(`many-0/${name}`);
        checkEqual(text(file.read(0, 100)), `segment ${index}`, name);
        await file.close();
      }
      await after.delete("many-0");
      checkEqual(await after.list(""), [], "after deleting the directory");
    },
  },
  {
    name: "a seeded random mix of writes, appends and truncates matches a plain model",
    async run(openFileSystem) {
      const random = seededRandom(0x6b61666b);
      let model = new Uint8Array(0);
      const resizeModel = (size: number): void => {
        const resized = new Uint8Array(size);
        resized.set(model.subarray(0, Math.min(size, model.length)));
        model = resized;
      };
      let fs = await openFileSystem();
      let file = await fs.open("random.bin", { create: true });
      for (let step = 0; step < 400; step++) {
        const choice = random(100);
        if (choice < 35) {
          const position = random(model.length + 80_000);
          const data = patternBytes(random(90_000), step);
          file.write(position, data);
          if (data.length > 0) {
            if (position + data.length > model.length) resizeModel(position + data.length);
            model.set(data, position);
          }
        } else if (choice < 65) {
          const data = patternBytes(random(20_000), step);
          checkEqual(file.append(data), model.length, `append position at step ${step}`);
          resizeModel(model.length + data.length);
          model.set(data, model.length - data.length);
        } else if (choice < 75) {
          const size = random(model.length + 70_000);
          file.truncate(size);
          resizeModel(size);
        } else if (choice < 90) {
          const position = random(model.length + 10);
          const length = random(100_000);
          checkBytes(
            file.read(position, length),
            model.subarray(position, position + length),
            `read at step ${step}`,
          );
        } else if (choice < 96) {
          await file.flush();
        } else {
          await file.close();
          fs = await openFileSystem();
          file = await fs.open("random.bin");
        }
        check(
          file.size() === model.length,
          `size at step ${step}: ${file.size()} vs model ${model.length}`,
        );
        // Keep the model small enough that copying it stays cheap.
        if (model.length > 600_000) {
          file.truncate(300_000);
          resizeModel(300_000);
        }
      }
      await file.close();
      const after = await openFileSystem();
      const reopened = await after.open("random.bin");
      checkBytes(reopened.read(0, model.length + 1), model, "whole file after a restart");
      await reopened.close();
    },
  },
];
