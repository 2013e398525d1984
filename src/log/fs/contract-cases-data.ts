/**
 * Contract cases: the synchronous data operations on an open file (read, write, append,
 * truncate), including the edges: gaps, reads at and past the end, empty writes, and
 * writes that straddle the IndexedDB backend's 64 KiB chunks.
 */
import { checkBytes, checkEqual, checkZeros, patternBytes, text, utf8 } from "./contract-checks.ts";
import type { FileSystemContractCase } from "./file-system-contract.ts";

/** Crosses the IndexedDB backend's chunk size, so chunk edges are exercised everywhere. */
const CHUNK_CROSSING_BYTES = 70_000;

export const DATA_CASES: readonly FileSystemContractCase[] = [
  {
    name: "write then read returns the same bytes",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("data.bin", { create: true });
      const data = patternBytes(1000, 1);
      file.write(0, data);
      checkEqual(file.size(), 1000, "size");
      checkBytes(file.read(0, 1000), data, "whole file");
      checkBytes(file.read(100, 50), data.subarray(100, 150), "a slice from the middle");
      await file.close();
    },
  },
  {
    name: "a write copies its data: changing the source afterwards changes nothing",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("copy.bin", { create: true });
      const data = utf8("original");
      file.write(0, data);
      file.append(data);
      data.fill(0x21);
      checkEqual(text(file.read(0, 100)), "originaloriginal", "contents");
      await file.close();
    },
  },
  {
    name: "append writes at the end and returns where",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("append.log", { create: true });
      checkEqual(file.append(utf8("abc")), 0, "first append position");
      checkEqual(file.append(utf8("defgh")), 3, "second append position");
      checkEqual(file.append(new Uint8Array(0)), 8, "an empty append is at the end");
      checkEqual(file.size(), 8, "size");
      file.write(8, utf8("!"));
      checkEqual(file.append(utf8("?")), 9, "append after a write at the end");
      checkEqual(text(file.read(0, 100)), "abcdefgh!?", "contents");
      await file.close();
    },
  },
  {
    name: "a write in the middle overwrites without changing the size",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("overwrite.log", { create: true });
      file.append(utf8("0123456789"));
      file.write(3, utf8("abc"));
      checkEqual(file.size(), 10, "size");
      checkEqual(text(file.read(0, 10)), "012abc6789", "contents");
      file.write(8, utf8("XYZ"));
      checkEqual(file.size(), 11, "a write over the end grows the file");
      checkEqual(text(file.read(0, 11)), "012abc67XYZ", "contents after growing");
      await file.close();
    },
  },
  {
    name: "a write past the end leaves a gap that reads as zeros",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("gap.bin", { create: true });
      file.write(5, utf8("x"));
      checkEqual(file.size(), 6, "size after a write at 5");
      checkZeros(file.read(0, 5), 5, "the gap");
      file.write(CHUNK_CROSSING_BYTES, utf8("y"));
      checkEqual(file.size(), CHUNK_CROSSING_BYTES + 1, "size after a far write");
      checkZeros(file.read(6, CHUNK_CROSSING_BYTES - 6), CHUNK_CROSSING_BYTES - 6, "the long gap");
      checkEqual(text(file.read(CHUNK_CROSSING_BYTES, 1)), "y", "the far byte");
      await file.close();
    },
  },
  {
    name: "an empty write changes nothing, not even past the end",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("empty-write.bin", { create: true });
      file.append(utf8("abc"));
      file.write(100, new Uint8Array(0));
      file.write(1, new Uint8Array(0));
      checkEqual(file.size(), 3, "size");
      checkEqual(text(file.read(0, 10)), "abc", "contents");
      await file.close();
    },
  },
  {
    name: "reads at or after the end are short or empty",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("short.bin", { create: true });
      file.append(utf8("0123456789"));
      checkEqual(text(file.read(8, 10)), "89", "read across the end");
      checkEqual(file.read(10, 5).length, 0, "read at the end");
      checkEqual(file.read(1000, 5).length, 0, "read past the end");
      checkEqual(file.read(3, 0).length, 0, "read of zero bytes");
      await file.close();
    },
  },
  {
    name: "readInto fills the caller's buffer and says how much, short at the end",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("into.bin", { create: true });
      const data = patternBytes(CHUNK_CROSSING_BYTES, 5);
      file.write(0, data);
      const target = new Uint8Array(CHUNK_CROSSING_BYTES + 100).fill(0xee);
      checkEqual(file.readInto(0, target), CHUNK_CROSSING_BYTES, "bytes read from the start");
      checkBytes(target.subarray(0, CHUNK_CROSSING_BYTES), data, "what was read");
      checkEqual(target[CHUNK_CROSSING_BYTES], 0xee, "the buffer past the end of the file");
      checkEqual(
        file.readInto(60_000, target.subarray(0, 20_000)),
        10_000,
        "a read across the end",
      );
      checkBytes(target.subarray(0, 10_000), data.subarray(60_000), "what the short read filled");
      checkEqual(file.readInto(CHUNK_CROSSING_BYTES, target), 0, "a read at the end");
      checkEqual(file.readInto(5, target.subarray(0, 0)), 0, "a read into an empty buffer");
      file.write(0, utf8("changed"));
      file.readInto(0, target.subarray(0, 7));
      checkEqual(text(target.subarray(0, 7)), "changed", "a later read of the same range");
      await file.close();
    },
  },
  {
    name: "truncate shrinks, and growing again gives zeros, not the old bytes",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("truncate.bin", { create: true });
      const data = patternBytes(CHUNK_CROSSING_BYTES * 2, 2);
      file.append(data);
      file.truncate(CHUNK_CROSSING_BYTES + 10);
      checkEqual(file.size(), CHUNK_CROSSING_BYTES + 10, "size after shrinking");
      checkEqual(
        file.read(CHUNK_CROSSING_BYTES, 100).length,
        10,
        "a read over the new end is short",
      );
      file.truncate(CHUNK_CROSSING_BYTES * 2);
      checkEqual(file.size(), CHUNK_CROSSING_BYTES * 2, "size after growing");
      checkBytes(
        file.read(0, CHUNK_CROSSING_BYTES + 10),
        data.subarray(0, CHUNK_CROSSING_BYTES + 10),
        "kept bytes",
      );
      checkZeros(
        file.read(CHUNK_CROSSING_BYTES + 10, 1_000_000),
        CHUNK_CROSSING_BYTES - 10,
        "grown bytes",
      );
      file.truncate(file.size());
      checkEqual(file.size(), CHUNK_CROSSING_BYTES * 2, "truncate to the same size");
      file.truncate(0);
      checkEqual(file.size(), 0, "truncate to zero");
      await file.close();
    },
  },
  {
    name: "append after truncate writes at the new end",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("truncate-append.log", { create: true });
      file.append(utf8("0123456789"));
      file.truncate(4);
      checkEqual(file.append(utf8("abc")), 4, "append position");
      checkEqual(text(file.read(0, 100)), "0123abc", "contents");
      await file.close();
    },
  },
  {
    name: "writes straddling chunk edges read back at any alignment",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const file = await fs.open("straddle.bin", { create: true });
      const model = new Uint8Array(200_000);
      // Pieces that start and end just before, on and after 64 KiB multiples.
      const pieces: [position: number, length: number][] = [
        [0, 65_535],
        [65_535, 2],
        [65_537, 65_535],
        [131_071, 1],
        [131_072, 68_928],
        [60_000, 80_000],
      ];
      for (const [index, [position, length]] of pieces.entries()) {
        const data = patternBytes(length, index + 10);
        file.write(position, data);
        model.set(data, position);
      }
      checkEqual(file.size(), model.length, "size");
      for (const [position, length] of [
        [0, 200_000],
        [65_530, 12],
        [131_000, 200],
        [1, 199_998],
      ] as const) {
        checkBytes(
          file.read(position, length),
          model.subarray(position, position + length),
          `read(${position}, ${length})`,
        );
      }
      await file.close();
    },
  },
];
