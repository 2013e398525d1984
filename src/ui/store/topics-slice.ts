/**
 * Topics and partitions as the page sees them: placement, leader and ISR from the admin
 * API's metadata (and leader / ISR telemetry between polls), and each replica's log
 * offsets from its broker's telemetry. Offsets are plain numbers here: a playground log
 * never nears 2^53 records.
 */

/** One replica's log as its broker reports it. */
export interface ReplicaOffsets {
  logStart: number;
  /** LEO: the offset the next record appended to this replica will get. */
  leo: number;
  /** HW as this replica knows it (the leader's is the partition's). */
  hw: number;
}

/** A record the page knows the key of (it produced or consumed it): a cell on the tape. */
export interface RecordCell {
  offset: number;
  /** Null for a null key (drawn neutral grey). */
  key: string | null;
}

export interface PartitionView {
  topic: string;
  partition: number;
  /** -1 when the partition has no leader (offline). */
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  /**
   * The partition epoch of the ISR telemetry last told (-1: none yet). An ISR-only change
   * bumps the partition epoch but not the leader epoch, so only this orders two ISRs of one
   * leader epoch: an older one (a late event, or a poll answered by a broker whose
   * metadata lags) must not replace a newer one.
   */
  isrPartitionEpoch: number;
  offlineReplicas: number[];
  /** Per broker id. */
  offsets: Record<number, ReplicaOffsets>;
  /** Base offsets of the segments the page has seen rolled and not yet deleted. */
  segmentBases: number[];
  /** The newest records the page knows the keys of, oldest first, bounded. */
  cells: RecordCell[];
}

export interface TopicView {
  name: string;
  topicId: string | null;
  internal: boolean;
  partitions: PartitionView[];
  /** The topic's configs that are not defaults (from describeConfigs); null until read. */
  configs: Record<string, string> | null;
}

export interface TopicsSlice {
  topics: Record<string, TopicView>;
}

export const MAX_CELLS_PER_PARTITION = 64;

/** The partition's offsets as its leader reports them; null until the leader has said. */
export function leaderOffsets(partition: PartitionView): ReplicaOffsets | null {
  return partition.offsets[partition.leader] ?? null;
}

export function emptyPartition(topic: string, partition: number): PartitionView {
  return {
    topic,
    partition,
    leader: -1,
    leaderEpoch: -1,
    replicas: [],
    isr: [],
    isrPartitionEpoch: -1,
    offlineReplicas: [],
    offsets: {},
    segmentBases: [0],
    cells: [],
  };
}

export const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;
