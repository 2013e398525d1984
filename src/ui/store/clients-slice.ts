/**
 * The producers and consumers the user placed on the canvas: their settings (Kafka's
 * config names where Kafka has one) and what they have done so far.
 */

export type KeyMode = "none" | "fixed" | "random" | "sequence";
export type AcksSetting = "0" | "1" | "all";
export type PartitionerSetting = "default" | "round-robin";
export type AssignorName = "range" | "roundrobin" | "sticky" | "cooperative-sticky";

export interface ProducerSettings {
  topic: string;
  /** Records per second (node time), 0 to stand idle. */
  ratePerSec: number;
  keyMode: KeyMode;
  /** The key for "fixed"; the set for "random" is `keySet`. */
  fixedKey: string;
  keySet: string[];
  /** The value of each record; {n} is the record's sequence number, {key} its key. */
  valueTemplate: string;
  acks: AcksSetting;
  lingerMs: number;
  batchSize: number;
  idempotence: boolean;
  partitioner: PartitionerSetting;
  /**
   * Every record's value is null: a tombstone, which deletes its key from a compacted topic.
   * Optional because settings saved or exported before it existed lack it (absent = false).
   */
  nullValue?: boolean;
}

/** A Kafka error as the page shows it: the Kafka name and a plain explanation key. */
export interface ClientError {
  /** Kafka's name (NOT_ENOUGH_REPLICAS, REQUEST_TIMED_OUT, ...) or the error's class. */
  name: string;
  message: string;
  atMs: number;
}

export type ProducerStatus = "starting" | "running" | "paused" | "error";

export interface ProducerView {
  id: string;
  settings: ProducerSettings;
  status: ProducerStatus;
  sent: number;
  acknowledged: number;
  failed: number;
  /** Produce requests retried (a leader moved, a timeout). */
  retries: number;
  lastError: ClientError | null;
  /** Send-to-acknowledgement latency over the last second, ms (p99). */
  latencyP99Ms: number | null;
  /**
   * Produce requests sent and the records they carried, since the producer (re)started:
   * Kafka's request-total and record-send-total (a retried record counts again). Their
   * ratio is records per request, what linger.ms and batch.size change. Absent only in
   * views made by hand.
   */
  requests?: number;
  recordsSent?: number;
}

export interface ConsumerSettings {
  topic: string;
  groupId: string;
  assignor: AssignorName;
  /** How long "processing" one record takes, ms of node time. */
  processingDelayMs: number;
  autoCommit: boolean;
  fromBeginning: boolean;
  sessionTimeoutMs: number;
  /** group.instance.id for static membership; empty for a dynamic member. */
  groupInstanceId: string;
  /**
   * More topics to subscribe to besides `topic` (a lesson compares assignors over two
   * topics). Absent (the consumer dialog's settings, older saves) means none: [].
   */
  extraTopics?: string[];
  /**
   * Commit each fetched batch's end offset before processing it (the at-most-once mistake:
   * a crash loses what was committed but not yet processed). Such a consumer never auto
   * commits, whatever `autoCommit` says. Absent means false.
   */
  commitBeforeProcessing?: boolean;
}

export type ConsumerStatus =
  "joining" | "consuming" | "rebalancing" | "crashed" | "closed" | "error";

/** How far a consumer got, partition by partition ("topic:partition" keys). */
export interface ConsumerProgress {
  /** The first offset handed to this consumer. */
  firstOffsets: Record<string, number>;
  /** The offset after the last record it finished processing. */
  processedOffsets: Record<string, number>;
  /** Partitions it gave up in rebalances so far (eager: all it had, each time). */
  revokedPartitions: number;
}

export interface ConsumerView {
  id: string;
  settings: ConsumerSettings;
  status: ConsumerStatus;
  memberId: string | null;
  consumed: number;
  assigned: { topic: string; partition: number }[];
  lastError: ClientError | null;
  /** The page's consumers always report it; a view made up elsewhere may leave it out. */
  progress?: ConsumerProgress;
}

export interface ClientsSlice {
  producers: Record<string, ProducerView>;
  consumers: Record<string, ConsumerView>;
}

export function defaultProducerSettings(topic: string): ProducerSettings {
  return {
    topic,
    ratePerSec: 5,
    keyMode: "random",
    fixedKey: "customer-1",
    keySet: ["alice", "bob", "carol", "dave", "erin"],
    valueTemplate: "order #{n} for {key}",
    acks: "all",
    lingerMs: 5,
    batchSize: 16_384,
    idempotence: true,
    partitioner: "default",
  };
}

export function defaultConsumerSettings(topic: string, groupId: string): ConsumerSettings {
  return {
    topic,
    groupId,
    assignor: "cooperative-sticky",
    processingDelayMs: 0,
    autoCommit: true,
    fromBeginning: true,
    sessionTimeoutMs: 45_000,
    groupInstanceId: "",
  };
}
