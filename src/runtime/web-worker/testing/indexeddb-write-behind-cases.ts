/**
 * Checks of the IndexedDB backend's write-behind, which the shared contract cannot see
 * (it only looks after a flush or close). A second instance on the same database reads
 * what has reached the database while the first still holds the file open: the open-once
 * rule is per instance, so this is allowed, and it is exactly what a restarted worker
 * would find if this one were killed now.
 */
import {
  checkBytes,
  checkEqual,
  patternBytes,
  seededRandom,
} from "../../../log/fs/contract-checks.ts";
import type { FileSystemContractCase } from "../../../log/fs/file-system-contract.ts";

/** Long enough for a setTimeout(0) persist and its transaction to commit. */
const WRITE_BEHIND_SETTLE_MS = 100;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A new task at once (setTimeout is clamped to 4 ms when nested; a message is not). */
function nextTask(): Promise<void> {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export const INDEXEDDB_WRITE_BEHIND_CASES: readonly FileSystemContractCase[] = [
  {
    name: "writes reach the database without a flush, soon after the task that made them",
    async run(openFileSystem) {
      const writer = await openFileSystem();
      const file = await writer.open("behind.log", { create: true });
      const expected = patternBytes(150_000, 7);
      for (let position = 0; position < expected.length; position += 16_384) {
        file.append(expected.subarray(position, position + 16_384));
      }
      await pause(WRITE_BEHIND_SETTLE_MS);
      const observer = await openFileSystem();
      const seen = await observer.open("behind.log");
      checkBytes(seen.read(0, 200_000), expected, "what the database holds before any flush");
      await seen.close();
      file.truncate(1_000);
      await pause(WRITE_BEHIND_SETTLE_MS);
      const afterTruncate = await observer.open("behind.log");
      checkEqual(afterTruncate.size(), 1_000, "size the database holds after a truncate");
      await afterTruncate.close();
      await file.close();
    },
  },
  {
    name: "writes made while a write-behind persist commits follow it without a flush",
    async run(openFileSystem) {
      const writer = await openFileSystem();
      const file = await writer.open("stream.log", { create: true });
      const expected = patternBytes(300 * 4_096, 9);
      // One append per task, as produce requests arrive, far faster than a transaction
      // commits: most land while a persist is committing (the last ones too), and must be
      // carried by the one after it.
      for (let position = 0; position < expected.length; position += 4_096) {
        file.append(expected.subarray(position, position + 4_096));
        await nextTask();
      }
      await pause(WRITE_BEHIND_SETTLE_MS);
      const observer = await openFileSystem();
      const seen = await observer.open("stream.log");
      checkBytes(seen.read(0, expected.length + 1), expected, "what the database holds, unflushed");
      await seen.close();
      await file.close();
    },
  },
  {
    name: "write-behind mixed with writes, truncates and flushes matches a plain model",
    async run(openFileSystem) {
      const random = seededRandom(0x1dbb);
      let model = new Uint8Array(0);
      const resizeModel = (size: number): void => {
        const resized = new Uint8Array(size);
        resized.set(model.subarray(0, Math.min(size, model.length)));
        model = resized;
      };
      const fs = await openFileSystem();
      const file = await fs.open("mixed.bin", { create: true });
      for (let step = 0; step < 120; step++) {
        const choice = random(100);
        if (choice < 40) {
          const position = random(model.length + 70_000);
          const data = patternBytes(1 + random(70_000), step);
          file.write(position, data);
          if (position + data.length > model.length) resizeModel(position + data.length);
          model.set(data, position);
        } else if (choice < 70) {
          const size = random(model.length + 140_000);
          file.truncate(size);
          resizeModel(size);
        } else if (choice < 80) {
          await file.flush();
        } else {
          await pause(random(5)); // lets a write-behind persist run, or not
        }
      }
      await pause(WRITE_BEHIND_SETTLE_MS);
      const observer = await openFileSystem();
      const seen = await observer.open("mixed.bin");
      checkBytes(
        seen.read(0, model.length + 1),
        model,
        "what the database holds after write-behind",
      );
      await seen.close();
      await file.close();
    },
  },
];
