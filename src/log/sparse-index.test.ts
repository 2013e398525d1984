import { describe, expect, it } from "vitest";
import type { StorageFile } from "./fs/file-system.ts";
import { MemoryFileSystem } from "./fs/memory-file-system.ts";
import { OffsetIndex } from "./offset-index.ts";

/** Counts the writes that reach a file, the cost the index saves by writing in runs. */
function countingWrites(file: StorageFile): { file: StorageFile; writes: () => number } {
  let writes = 0;
  const write = file.write.bind(file);
  file.write = (position, data) => {
    writes++;
    write(position, data);
  };
  return { file, writes: () => writes };
}

async function openIndex(fs: MemoryFileSystem) {
  return countingWrites(await fs.open("p-0/00000000000000000000.index", { create: true }));
}

describe("an index written in runs", () => {
  it("holds entries back until a flush, then writes them in one run", async () => {
    const fs = new MemoryFileSystem();
    const { file, writes } = await openIndex(fs);
    const index = new OffsetIndex(file, 0n, 10 * 1024 * 1024);
    for (let entry = 0; entry < 100; entry++) index.append(BigInt(entry * 10), entry * 4096);
    expect(file.size()).toBe(0);
    expect(index.lookup(555n)).toEqual({ offset: 550n, position: 55 * 4096 });
    await index.flush();
    expect(writes()).toBe(1);
    expect(file.size()).toBe(100 * 8);
  });

  it("writes a full run without waiting for a flush", async () => {
    const fs = new MemoryFileSystem();
    const { file, writes } = await openIndex(fs);
    const index = new OffsetIndex(file, 0n, 10 * 1024 * 1024);
    for (let entry = 0; entry < 1100; entry++) index.append(BigInt(entry), entry * 100);
    expect(writes()).toBe(2);
    expect(file.size()).toBe(1024 * 8);
    await index.close();
    expect(writes()).toBe(3);
  });

  it("reads back, after a close, exactly the entries it held, truncations included", async () => {
    const fs = new MemoryFileSystem();
    const { file } = await openIndex(fs);
    const index = new OffsetIndex(file, 1000n, 10 * 1024 * 1024);
    for (let entry = 0; entry < 700; entry++) index.append(1000n + BigInt(entry * 2), entry * 64);
    index.truncateToOffset(1000n + 1000n); // drops written and pending entries alike
    for (let entry = 500; entry < 520; entry++)
      index.append(1000n + BigInt(entry * 2), entry * 64 + 1);
    await index.close();

    const reopened = new OffsetIndex(
      await fs.open("p-0/00000000000000000000.index"),
      1000n,
      10 * 1024 * 1024,
    );
    expect(reopened.load(1 << 30)).toBe(true);
    expect(reopened.entries).toBe(520);
    expect(reopened.lookup(1000n + 998n)).toEqual({ offset: 1998n, position: 499 * 64 });
    expect(reopened.lookup(1000n + 1038n)).toEqual({ offset: 2038n, position: 519 * 64 + 1 });
  });
});
