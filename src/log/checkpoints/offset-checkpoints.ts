/**
 * The per-log-dir checkpoints `recovery-point-offset-checkpoint` and
 * `log-start-offset-checkpoint`: one "topic partition offset" line per partition.
 */
import type { FileSystem } from "../fs/file-system.ts";
import { formatCheckpointLines, parseCheckpointLines, readCheckpointFile, writeCheckpointFile } from "./checkpoint-file.ts";

/** Keys are "topic-partition", as in Kafka's directory names. */
export type OffsetCheckpoint = Map<string, bigint>;

export function partitionKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

export async function readOffsetCheckpoint(fs: FileSystem, path: string): Promise<OffsetCheckpoint> {
  const text = await readCheckpointFile(fs, path);
  const entries = text === null ? null : parseCheckpointLines(text);
  const result: OffsetCheckpoint = new Map();
  for (const fields of entries ?? []) {
    const [topic, partition, offset] = fields;
    if (fields.length !== 3 || !/^\d+$/.test(partition!) || !/^-?\d+$/.test(offset!)) return new Map();
    result.set(partitionKey(topic!, Number(partition)), BigInt(offset!));
  }
  return result;
}

export async function writeOffsetCheckpoint(fs: FileSystem, path: string, offsets: OffsetCheckpoint): Promise<void> {
  const entries = [...offsets].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, offset]) => {
    const dash = key.lastIndexOf("-");
    return [key.slice(0, dash), key.slice(dash + 1), String(offset)];
  });
  await writeCheckpointFile(fs, path, formatCheckpointLines(entries));
}
