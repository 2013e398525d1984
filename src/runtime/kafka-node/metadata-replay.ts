/**
 * The node's committed metadata: every record the Raft quorum commits is decoded and
 * applied to the MetadataImage in offset order, then listeners (the replica manager, the
 * controller's commit waiters) hear about the new offset. Records of a type this node does
 * not know are skipped with an error event, as a newer Kafka's would be by an older one.
 */
import { decodeMetadataRecord } from "../../metadata/metadata-record.ts";
import { MetadataImage } from "../../metadata/metadata-image.ts";
import type { TelemetrySink } from "../../telemetry/telemetry-event.ts";

export class MetadataReplay {
  readonly image = new MetadataImage();
  private readonly listeners: ((image: MetadataImage) => void)[] = [];
  private waiters: { offset: bigint; resolve(): void }[] = [];

  constructor(
    private readonly nodeId: number,
    private readonly telemetry: TelemetrySink,
  ) {}

  /** Feed one committed batch of records (from RaftNode.onCommit). */
  applyCommitted(records: readonly { offset: bigint; value: Uint8Array }[]): void {
    if (records.length === 0) return;
    for (const { offset, value } of records) {
      const decoded = decodeMetadataRecord(value);
      if (decoded.ok) this.image.apply(decoded.record, offset);
      else {
        this.image.offset = offset;
        this.telemetry.emit({
          kind: "error",
          node: this.nodeId,
          where: "metadata replay",
          message: decoded.reason,
        });
      }
    }
    for (const listener of this.listeners) listener(this.image);
    const reached = this.waiters.filter((w) => w.offset <= this.image.offset);
    if (reached.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.offset > this.image.offset);
    for (const waiter of reached) waiter.resolve();
  }

  onChange(listener: (image: MetadataImage) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves once the record at `offset` has been applied. */
  reached(offset: bigint): Promise<void> {
    if (this.image.offset >= offset) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ offset, resolve }));
  }
}
