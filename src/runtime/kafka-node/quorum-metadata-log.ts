/**
 * The controller's MetadataLog on top of this node's Raft quorum: records are encoded in
 * Kafka's metadata framing and appended as one Raft batch; an offset counts as committed
 * once the node has replayed it. Losing Raft leadership fails every wait still open, so
 * a request whose records may be truncated is never answered as if they had committed.
 */
import { encodeMetadataRecord, type MetadataRecord } from "../../metadata/metadata-record.ts";
import type { MetadataLog } from "../../controller/metadata-log.ts";
import type { MetadataReplay } from "./metadata-replay.ts";

export interface RaftAppender {
  append(values: Uint8Array[]): Promise<bigint>;
}

export class LeadershipLostError extends Error {
  override readonly name = "LeadershipLostError";
}

export class QuorumMetadataLog implements MetadataLog {
  private open = new Set<(error: Error) => void>();

  constructor(
    private readonly raft: RaftAppender,
    private readonly replay: MetadataReplay,
  ) {}

  append(records: MetadataRecord[]): Promise<bigint> {
    return this.raft.append(records.map(encodeMetadataRecord));
  }

  committed(offset: bigint): Promise<void> {
    return new Promise((resolve, reject) => {
      this.open.add(reject);
      this.replay.reached(offset).then(() => {
        if (!this.open.delete(reject)) return;
        resolve();
      }, reject);
    });
  }

  /** Leadership moved away: nothing appended by us and not yet replayed can be trusted. */
  leadershipLost(): void {
    const waiting = this.open;
    this.open = new Set();
    for (const reject of waiting)
      reject(
        new LeadershipLostError("the controller lost leadership before the records committed"),
      );
  }
}
