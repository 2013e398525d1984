/**
 * A partition's `leader-epoch-checkpoint`: "epoch startOffset" per line, the first offset
 * each leader epoch wrote. Followers use it to truncate correctly after a leader change
 * (KIP-101), through OffsetForLeaderEpoch.
 */
import type { FileSystem } from "../fs/file-system.ts";
import { formatCheckpointLines, parseCheckpointLines, readCheckpointFile, writeCheckpointFile } from "./checkpoint-file.ts";

export interface EpochEntry {
  epoch: number;
  startOffset: bigint;
}

export async function readLeaderEpochCheckpoint(fs: FileSystem, path: string): Promise<EpochEntry[]> {
  const text = await readCheckpointFile(fs, path);
  const entries = text === null ? null : parseCheckpointLines(text);
  const result: EpochEntry[] = [];
  for (const fields of entries ?? []) {
    if (fields.length !== 2 || !/^\d+$/.test(fields[0]!) || !/^\d+$/.test(fields[1]!)) return [];
    result.push({ epoch: Number(fields[0]), startOffset: BigInt(fields[1]!) });
  }
  return result;
}

export async function writeLeaderEpochCheckpoint(fs: FileSystem, path: string, entries: readonly EpochEntry[]): Promise<void> {
  await writeCheckpointFile(fs, path, formatCheckpointLines(entries.map((e) => [String(e.epoch), String(e.startOffset)])));
}
