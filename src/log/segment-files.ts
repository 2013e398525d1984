/** Kafka's file names inside a partition directory: the base offset as 20 digits. */

export const LOG_SUFFIX = ".log";
export const OFFSET_INDEX_SUFFIX = ".index";
export const TIME_INDEX_SUFFIX = ".timeindex";

export function segmentFileStem(baseOffset: bigint): string {
  return baseOffset.toString().padStart(20, "0");
}

export function segmentPath(directory: string, baseOffset: bigint, suffix: string): string {
  return `${directory}/${segmentFileStem(baseOffset)}${suffix}`;
}

/** The base offset a segment file name carries, or null when it is not one. */
export function baseOffsetOfFile(name: string, suffix: string): bigint | null {
  if (!name.endsWith(suffix)) return null;
  const stem = name.slice(0, -suffix.length);
  return /^\d{20}$/.test(stem) ? BigInt(stem) : null;
}

/** A partition's directory: `<topic>-<partition>` under the broker's log dir. */
export function partitionDirectory(logDir: string, topic: string, partition: number): string {
  return `${logDir}/${topic}-${partition}`;
}
