/**
 * A lesson check's view of a partition's records, read at most once per interval: checks
 * run about three times a second, a Fetch of the whole log need not. Reads go to the page's
 * cluster through one client of the lessons' own ("lesson-reader"), made once per session.
 */
import { ClientCluster } from "../../../client/cluster/client-cluster.ts";
import { pageClientIo } from "../../../runtime/web-worker/page-client-io.ts";
import { playgroundSession, type PlaygroundSession } from "../../playground/session.ts";
import { readPartition, type PartitionRead } from "./log-reader.ts";

export const READ_INTERVAL_MS = 1_000;
/** Node time; a read stuck behind a cut link gives up soon and is tried again. */
const READ_TIMEOUT_MS = 5_000;

export class LogWatch {
  private last: PartitionRead | null = null;
  private lastReadAtMs = -Infinity;

  constructor(
    private readonly read: () => Promise<PartitionRead>,
    private readonly nowMs: () => number = () => Date.now(),
    private readonly intervalMs = READ_INTERVAL_MS,
  ) {}

  /**
   * The newest read: a fresh one when the last is at least an interval old, else the last.
   * A read that fails (a leader moving, a link cut) leaves the last good one; null until a
   * read has succeeded.
   */
  async latest(): Promise<PartitionRead | null> {
    const now = this.nowMs();
    if (now - this.lastReadAtMs < this.intervalMs) return this.last;
    this.lastReadAtMs = now;
    try {
      this.last = await this.read();
    } catch {
      // Asked again after the interval.
    }
    return this.last;
  }
}

let reader: { session: PlaygroundSession; cluster: ClientCluster } | null = null;

/** The lessons' reading client on the page's cluster (a new one if the session changed). */
function pageCluster(): ClientCluster {
  const session = playgroundSession();
  if (reader?.session !== session) {
    reader?.cluster.close();
    reader = {
      session,
      cluster: new ClientCluster({
        clientId: "lesson-reader",
        brokers: session.bootstrap(),
        io: pageClientIo(session.host),
        requestTimeoutMs: READ_TIMEOUT_MS,
      }),
    };
  }
  return reader.cluster;
}

/** Watches `topic`-`partition` on the page's cluster from `fromOffset` on. */
export function watchPartition(topic: string, partition: number, fromOffset = 0): LogWatch {
  return new LogWatch(() => readPartition(pageCluster(), topic, partition, fromOffset));
}
