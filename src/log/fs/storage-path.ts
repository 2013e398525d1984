/**
 * Path handling shared by every FileSystem backend, so that they all accept and reject the
 * same paths: '/'-separated, relative to the backend's root, "" for the root itself.
 */

/**
 * The segments of `path`, e.g. "broker-1/orders-0/x.log" → ["broker-1", "orders-0", "x.log"];
 * "" (the root) → []. Leading and trailing slashes are ignored. An empty segment, "." or
 * ".." is a programmer error (the log builds its paths itself), so it throws a plain Error.
 */
export function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return [];
  const segments = trimmed.split("/");
  for (const segment of segments) {
    if (segment === "" || segment === "." || segment === "..") {
      throw new Error(
        `invalid storage path "${path}": empty, "." and ".." segments are not allowed`,
      );
    }
    if (segment.includes("\\")) {
      // OPFS and Windows treat a backslash as a separator; forbid it everywhere alike.
      throw new Error(`invalid storage path "${path}": "\\" is not allowed in a name`);
    }
  }
  return segments;
}

/** `path` in its one canonical spelling: no leading, trailing or doubled slashes. */
export function normalizePath(path: string): string {
  return pathSegments(path).join("/");
}

/** The directory holding `path` ("" for a name at the root). */
export function parentPath(path: string): string {
  const segments = pathSegments(path);
  return segments.slice(0, -1).join("/");
}

/** The last segment of `path`. */
export function baseName(path: string): string {
  const segments = pathSegments(path);
  return segments[segments.length - 1] ?? "";
}

/** Whether `path` is `ancestor` or lies somewhere below it (both normalized). */
export function isSameOrBelow(path: string, ancestor: string): boolean {
  if (ancestor === "") return true;
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** Compares names the way every backend's `list` sorts them: by UTF-16 code units. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
