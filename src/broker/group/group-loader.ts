/**
 * Loading a __consumer_offsets partition when this broker becomes its leader (Kafka's
 * GroupMetadataManager.loadGroupsAndOffsets): replay its records from the log start to the
 * log end — later records replace earlier ones, tombstones delete — then rebuild each
 * group from its last GroupMetadata record (Stable with its members and their
 * assignments, or Empty) and keep every committed offset. Groups that only have offsets
 * come back as Empty groups without a protocol. Records that do not parse are reported
 * and skipped, as Kafka's loader does.
 */
import type { PartitionLog } from "../../log/partition-log.ts";
import type { GroupMetadataValue } from "../../protocol/generated/coordinator-records/group-metadata-value.ts";
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import { ClassicGroup } from "./classic-group.ts";
import { ClassicGroupMember } from "./classic-group-member.ts";
import { decodeCoordinatorRecord } from "./coordinator-records.ts";
import { OffsetStore } from "./offset-store.ts";

const READ_CHUNK_BYTES = 1 << 20;

export interface LoadedPartition {
  /** Each group's last GroupMetadata record (deleted groups are gone). */
  groups: Map<string, GroupMetadataValue>;
  /** The committed offsets left after replay. */
  offsets: OffsetStore;
  /** The offset after the last record replayed (the log end when the replay ended). */
  endOffset: bigint;
}

/**
 * Replay the log and return the groups' last metadata and the live offsets. Yields between
 * chunks so a long load does not hold the node's loop.
 */
export async function replayOffsetsPartition(
  log: PartitionLog,
  onProblem: (message: string) => void,
): Promise<LoadedPartition> {
  const loaded: LoadedPartition = {
    groups: new Map(),
    offsets: new OffsetStore(),
    endOffset: log.logStartOffset,
  };
  let next = log.logStartOffset;
  while (next < log.logEndOffset) {
    const read = log.read(next, READ_CHUNK_BYTES);
    if (!read.ok) {
      // The log start may have moved past us (the cleaner ran meanwhile): go on from it.
      if (next < log.logStartOffset) {
        next = log.logStartOffset;
        continue;
      }
      onProblem(`reading offset ${next}: ${read.message}`);
      break;
    }
    if (read.records.length === 0) break;
    const progressed = replayChunk(read.records, next, loaded, onProblem);
    if (progressed <= next) break;
    next = progressed;
    await Promise.resolve();
  }
  loaded.endOffset = next;
  return loaded;
}

/** Apply one chunk's batches; returns the offset after the last batch read. */
function replayChunk(
  bytes: Uint8Array,
  from: bigint,
  loaded: LoadedPartition,
  onProblem: (message: string) => void,
): bigint {
  let next = from;
  for (const entry of iterateRecordBatches(bytes, { verifyCrc: false })) {
    if (entry.kind !== "batch") break;
    next = entry.header.lastOffset + 1n;
    if (entry.header.isControl) continue;
    const batch = decodeRecordBatch(bytes, { position: entry.header.position, verifyCrc: false });
    if (!batch.ok) {
      onProblem(`batch at offset ${entry.header.baseOffset}: ${batch.error.message}`);
      continue;
    }
    for (const record of batch.value.records) {
      const offset = record.offset;
      if (offset < from) continue;
      const decoded = decodeCoordinatorRecord(record.key, record.value);
      if (decoded instanceof Error) {
        onProblem(`record at offset ${offset}: ${decoded.message}`);
      } else if (decoded.type === "offset") {
        loaded.offsets.apply(
          decoded.group,
          decoded.topic,
          decoded.partition,
          decoded.value,
          offset,
        );
      } else if (decoded.type === "group") {
        if (decoded.value === null) loaded.groups.delete(decoded.group);
        else loaded.groups.set(decoded.group, decoded.value);
      }
    }
  }
  return next;
}

/** A group as its last GroupMetadata record describes it. */
export function restoreGroup(groupId: string, value: GroupMetadataValue): ClassicGroup {
  const state = value.members.length === 0 ? "Empty" : "Stable";
  const stateSince = value.currentStateTimestamp < 0n ? null : Number(value.currentStateTimestamp);
  const group = new ClassicGroup(groupId, state, stateSince ?? 0, {
    generationId: value.generation,
    protocolType:
      value.protocolType === "" && value.members.length === 0 ? null : value.protocolType,
    protocolName: value.protocol,
    leaderId: value.leader,
    currentStateTimestampMs: stateSince,
  });
  for (const stored of value.members) {
    const member = new ClassicGroupMember({
      memberId: stored.memberId,
      groupInstanceId: stored.groupInstanceId,
      clientId: stored.clientId,
      clientHost: stored.clientHost,
      // Records written before v1 had no rebalance timeout: the session timeout stood in.
      rebalanceTimeoutMs:
        stored.rebalanceTimeout < 0 ? stored.sessionTimeout : stored.rebalanceTimeout,
      sessionTimeoutMs: stored.sessionTimeout,
      protocolType: value.protocolType,
      protocols: [{ name: value.protocol ?? "", metadata: stored.subscription }],
    });
    member.assignment = stored.assignment;
    group.add(member);
  }
  group.subscribedTopics = group.computeSubscribedTopics();
  return group;
}
