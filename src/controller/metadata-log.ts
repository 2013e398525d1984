/**
 * Where the active controller's records go: the `__cluster_metadata` Raft log. The Raft
 * leader appends them at once; they count only once the quorum has them (below the Raft
 * high watermark), so the controller answers a request only after `committed` resolves.
 */
import type { MetadataRecord } from "../metadata/metadata-record.ts";

export interface MetadataLog {
  /** Append in order; resolves with the offset of the last record once the leader has appended them. */
  append(records: MetadataRecord[]): Promise<bigint>;
  /** Resolves once `offset` is committed; rejects if leadership is lost first. */
  committed(offset: bigint): Promise<void>;
}
