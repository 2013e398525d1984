/** The parts of a segment file's path DumpLogSegments works with. */

/** The name after the last separator. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

/** ".log", ".index", ... : the name from its last dot; "" when it has none. */
export function fileSuffix(path: string): string {
  const name = fileName(path);
  const dot = name.lastIndexOf(".");
  return dot === -1 ? "" : name.slice(dot);
}

const LONG_MAX = 2n ** 63n - 1n;

/** The base offset a segment file's name starts with (the part before its first dot), or null. */
export function segmentBaseOffset(path: string): bigint | null {
  const stem = fileName(path).split(".")[0]!;
  if (!/^\d+$/.test(stem)) return null;
  const offset = BigInt(stem);
  return offset <= LONG_MAX ? offset : null;
}

/** The segment's file with another suffix beside `path`: "dir/0000.index" → "dir/0000.log". */
export function siblingFile(path: string, suffix: string): string {
  const name = fileName(path);
  const directory = path.slice(0, path.length - name.length);
  return `${directory}${name.split(".")[0]}${suffix}`;
}
