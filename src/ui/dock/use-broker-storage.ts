/**
 * Reading a running broker's storage for the segment inspector, through the cluster host:
 * a partition directory's listing, and a segment dumped by kafka-dump-log. Each result is
 * tagged with what it was read for, so a late answer for an old choice is never shown.
 */
import { useEffect, useState } from "react";
import type { StorageEntry } from "../../runtime/web-worker/cluster-host.ts";
import { playgroundSession } from "../playground/session.ts";
import { dumpSegment, type DumpOptions, type SegmentDump } from "./segment-dump.ts";
import type { StorageReader } from "./storage-files.ts";

export type Loaded<T> =
  | { for: string; status: "loading" }
  | { for: string; status: "missing" }
  | { for: string; status: "error"; message: string }
  | { for: string; status: "ok"; value: T };

function brokerReader(brokerId: number): StorageReader {
  const host = playgroundSession().host;
  return {
    list: (directory) => host.listStorage(brokerId, directory),
    read: (path, offset, length) => host.readStorageBytes(brokerId, path, offset, length),
  };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs `load` whenever `request` (a string naming what is wanted) changes; null skips. */
function useLoaded<T>(request: string | null, load: () => Promise<T | null>): Loaded<T> | null {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  useEffect(() => {
    if (request === null) return;
    let current = true;
    load().then(
      (value) =>
        current &&
        setLoaded(
          value === null
            ? { for: request, status: "missing" }
            : { for: request, status: "ok", value },
        ),
      (error: unknown) =>
        current && setLoaded({ for: request, status: "error", message: describe(error) }),
    );
    return () => {
      current = false;
    };
    // `request` names everything `load` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  if (request === null) return null;
  return loaded?.for === request ? loaded : { for: request, status: "loading" };
}

/** The listing of `directory` on a broker; `generation` forces a fresh read. */
export function useDirectoryListing(
  brokerId: number | null,
  directory: string | null,
  generation: string,
): Loaded<StorageEntry[]> | null {
  const request =
    brokerId === null || directory === null ? null : `${brokerId}|${directory}|${generation}`;
  return useLoaded(request, () => brokerReader(brokerId!).list(directory!));
}

/** `path` on a broker, dumped by kafka-dump-log with `options`; `generation` forces a fresh read. */
export function useSegmentDump(
  brokerId: number | null,
  path: string | null,
  options: DumpOptions,
  generation: string,
): Loaded<SegmentDump> | null {
  const request =
    brokerId === null || path === null
      ? null
      : `${brokerId}|${path}|${options.printDataLog}|${options.decoder ?? ""}|${generation}`;
  return useLoaded(request, () => dumpSegment(brokerReader(brokerId!), path!, options));
}
