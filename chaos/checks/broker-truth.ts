/**
 * What the brokers themselves answer about the cluster, topic and groups (Metadata,
 * ListOffsets, DescribeCluster, DescribeQuorum, DescribeGroups, OffsetFetch), and what the
 * page shows of the same things (its store). Plain data, so it crosses from the page to
 * the chaos run as JSON and the checks over it are pure.
 */

export interface PartitionTruth {
  partition: number;
  /** -1 when the partition has no leader. */
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  highWatermark: number;
  logStartOffset: number;
}

export interface MemberTruth {
  memberId: string;
  clientId: string;
  /** Partitions of the chaos topic its assignment gives it, ascending. */
  partitions: number[];
}

export interface GroupTruth {
  groupId: string;
  state: string;
  members: MemberTruth[];
  /** Committed offsets by partition (partitions without a commit are absent). */
  committed: Record<number, number>;
}

export interface BrokerTruth {
  /** Brokers registered and unfenced, as Metadata lists them, ascending. */
  liveBrokers: number[];
  /** The active controller: the KRaft quorum's leader. */
  quorumLeader: number;
  partitions: PartitionTruth[];
  groups: GroupTruth[];
}

export interface PageBroker {
  id: number;
  liveness: "alive" | "fenced" | "dead";
}

export interface PageConsumer {
  id: string;
  groupId: string;
  status: string;
  memberId: string | null;
  /** Partitions of the chaos topic the card shows, ascending. */
  partitions: number[];
}

export interface PageProducer {
  id: string;
  sent: number;
  acknowledged: number;
  failed: number;
  /** Produce requests the client retried, and the last error it met (Kafka's name). */
  retries: number;
  lastError: string | null;
}

export interface PageView {
  brokers: PageBroker[];
  controllerId: number | null;
  /** The partitions as the page shows them; the HW is the leader replica's. */
  partitions: (Omit<PartitionTruth, "highWatermark" | "logStartOffset"> & {
    highWatermark: number | null;
    logStartOffset: number | null;
  })[];
  groups: (GroupTruth & { generation: number })[];
  consumers: PageConsumer[];
  producers: PageProducer[];
}
