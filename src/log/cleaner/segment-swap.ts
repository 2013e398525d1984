/**
 * Replacing a segment with its cleaned contents so a crash at any point leaves either the
 * old segment or the new one: write `<base>.log.cleaned`, flush it, rename it to
 * `.log.swap`, then rename that over `<base>.log`. On load, a `.swap` is finished and a
 * `.cleaned` thrown away (segment-loader.ts).
 */
import type { FileSystem } from "../fs/file-system.ts";
import type { LogConfig } from "../log-config.ts";
import { LogSegment } from "../log-segment.ts";
import { LOG_SUFFIX, OFFSET_INDEX_SUFFIX, segmentPath, TIME_INDEX_SUFFIX } from "../segment-files.ts";

export const CLEANED_SUFFIX = ".cleaned";
export const SWAP_SUFFIX = ".swap";

export async function swapInCleanedSegment(
  fs: FileSystem,
  directory: string,
  segment: LogSegment,
  cleanedBytes: Uint8Array,
  config: LogConfig,
): Promise<LogSegment> {
  const logPath = segmentPath(directory, segment.baseOffset, LOG_SUFFIX);
  const cleaned = await fs.open(logPath + CLEANED_SUFFIX, { create: true });
  try {
    cleaned.truncate(0);
    cleaned.write(0, cleanedBytes);
    await cleaned.flush();
  } finally {
    await cleaned.close();
  }
  await segment.close();
  await fs.rename(logPath + CLEANED_SUFFIX, logPath + SWAP_SUFFIX);
  await finishSwap(fs, directory, segment.baseOffset);
  const replacement = await LogSegment.open(fs, directory, segment.baseOffset, config);
  replacement.recover(); // rebuilds the indexes for the new contents
  await replacement.flush();
  return replacement;
}

/** Complete a swap: the `.swap` becomes the segment, whose old indexes no longer fit. */
export async function finishSwap(fs: FileSystem, directory: string, baseOffset: bigint): Promise<void> {
  const logPath = segmentPath(directory, baseOffset, LOG_SUFFIX);
  await fs.rename(logPath + SWAP_SUFFIX, logPath);
  await fs.delete(segmentPath(directory, baseOffset, OFFSET_INDEX_SUFFIX));
  await fs.delete(segmentPath(directory, baseOffset, TIME_INDEX_SUFFIX));
}
