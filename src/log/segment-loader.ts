/**
 * Opening a partition directory after a start or a crash, as Kafka's log loader does:
 * clear leftovers of interrupted work, open every segment, check those at or after the
 * recovery point batch by batch (cutting a torn or corrupt tail, and dropping every
 * segment after a damaged one), and trust the indexes of the rest unless they look wrong.
 */
import { CLEANED_SUFFIX, finishSwap, SWAP_SUFFIX } from "./cleaner/segment-swap.ts";
import type { FileSystem } from "./fs/file-system.ts";
import type { LogConfig } from "./log-config.ts";
import { LogSegment } from "./log-segment.ts";
import { baseOffsetOfFile, LOG_SUFFIX, OFFSET_INDEX_SUFFIX, segmentPath, TIME_INDEX_SUFFIX } from "./segment-files.ts";

const LEFTOVER_SUFFIXES = [".tmp", CLEANED_SUFFIX, ".deleted", SWAP_SUFFIX];

export interface LoadedSegments {
  segments: LogSegment[];
  truncatedBytes: number;
  epochStarts: { epoch: number; startOffset: bigint }[];
}

export async function openSegments(
  fs: FileSystem,
  directory: string,
  config: LogConfig,
  options: { recoveryPoint: bigint | null; emptyLogStartOffset: bigint },
): Promise<LoadedSegments> {
  // A cleaned segment whose swap was under way is finished first (it was flushed whole).
  for (const name of await fs.list(directory)) {
    const base = name.endsWith(LOG_SUFFIX + SWAP_SUFFIX) ? baseOffsetOfFile(name.slice(0, -SWAP_SUFFIX.length), LOG_SUFFIX) : null;
    if (base !== null) await finishSwap(fs, directory, base);
  }
  const names = await fs.list(directory);
  const logBases = new Set<bigint>();
  for (const name of names) {
    const base = baseOffsetOfFile(name, LOG_SUFFIX);
    if (base !== null) logBases.add(base);
  }
  for (const name of names) {
    const orphanIndex = [OFFSET_INDEX_SUFFIX, TIME_INDEX_SUFFIX].some((suffix) => {
      const base = baseOffsetOfFile(name, suffix);
      return base !== null && !logBases.has(base);
    });
    if (orphanIndex || LEFTOVER_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
      await fs.delete(`${directory}/${name}`);
    }
  }

  const bases = [...logBases].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const segments: LogSegment[] = [];
  const epochStarts: LoadedSegments["epochStarts"] = [];
  let truncatedBytes = 0;
  for (let i = 0; i < bases.length; i++) {
    const segment = await LogSegment.open(fs, directory, bases[i]!, config);
    const nextBase = bases[i + 1];
    // A segment needs checking if any of it lies at or after the recovery point.
    const mustRecover = options.recoveryPoint !== null && (nextBase === undefined || nextBase > options.recoveryPoint);
    if (mustRecover) {
      const result = segment.recover();
      // What recovery kept becomes durable, so the recovery point may move past it.
      await segment.flush();
      epochStarts.push(...result.epochStarts);
      truncatedBytes += result.truncatedBytes;
      const contiguous = segments.length === 0 || segments.at(-1)!.nextOffset <= segment.baseOffset;
      if (!contiguous) {
        await segment.delete(fs);
        break;
      }
      segments.push(segment);
      if (result.truncatedBytes > 0) {
        // Nothing after a damaged segment can be trusted: its successors go too.
        for (const later of bases.slice(i + 1)) {
          for (const suffix of [LOG_SUFFIX, OFFSET_INDEX_SUFFIX, TIME_INDEX_SUFFIX]) {
            await fs.delete(segmentPath(directory, later, suffix));
          }
        }
        break;
      }
    } else {
      segment.loadIndexes();
      segments.push(segment);
    }
  }
  // A new partition starts with one empty segment at its log start offset.
  if (segments.length === 0) {
    segments.push(await LogSegment.open(fs, directory, options.emptyLogStartOffset, config));
  }
  return { segments, truncatedBytes, epochStarts };
}
