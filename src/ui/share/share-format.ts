/**
 * The playground as a document: what an exported file holds and what a share link packs
 * into the URL's hash. One JSON shape, named and versioned, so a file written today is
 * either read exactly or refused with the reason (never half-read).
 *
 * Every bound the importer enforces is here, beside the shape it bounds.
 */
import type { StorageKind } from "../../runtime/web-worker/node-storage.ts";
import type { ConsumerSettings, ProducerSettings } from "../store/clients-slice.ts";
import type { DockTab, Selection } from "../store/view-slice.ts";

export const FORMAT_NAME = "kafka-playground";
export const FORMAT_VERSION = 1;

export interface TopicDocument {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** The topic's overrides (configs whose value is not the broker's default), by Kafka's names. */
  configs: Record<string, string>;
}

export interface ClientDocument<Settings> {
  /** The card's name on the canvas ("producer-2"); kept so a saved selection still points at it. */
  id: string;
  settings: Settings;
}

export interface LayoutDocument {
  /** The topic opened as partition tapes. */
  openTopic: string | null;
  dockTab: DockTab;
  /** The speed of the cluster's time (1 = real time). */
  speed: number;
  selection: Selection | null;
}

export interface RecordDocument {
  key: string | null;
  value: string | null;
}

export interface PartitionDataDocument {
  partition: number;
  /** The newest records of the partition, oldest first. */
  records: RecordDocument[];
  /** Records in the log before the first one kept here: left out by the bounds. */
  skipped: number;
}

export interface TopicDataDocument {
  topic: string;
  partitions: PartitionDataDocument[];
}

export interface DataDocument {
  /** The bounds the export kept to (so a reader knows what "truncated" measured). */
  maxRecordsPerPartition: number;
  maxBytes: number;
  /** Some records were left out (see each partition's `skipped`). */
  truncated: boolean;
  topics: TopicDataDocument[];
}

export interface PlaygroundDocument {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  /** When the file was written (ISO 8601, UTC); informative only. */
  exportedAt: string;
  cluster: {
    /** Nodes, ids 1..brokers. */
    brokers: number;
    /** The first `controllers` nodes are KRaft voters (broker + controller); 1, 3 or 5. */
    controllers: number;
    storage: StorageKind;
  };
  topics: TopicDocument[];
  clients: {
    producers: ClientDocument<ProducerSettings>[];
    consumers: ClientDocument<ConsumerSettings>[];
  };
  layout: LayoutDocument;
  /** The topics' records, when the exporter asked for them. */
  data?: DataDocument;
}

/** Bounds on what an import may ask of the page. */
export const LIMITS = {
  /** An imported file's size. */
  fileBytes: 8_000_000,
  /** A share link's hash, in characters. */
  linkChars: 48_000,
  /** What a share link may inflate to: a decompression bomb stops here. */
  inflatedBytes: 2_000_000,
  topics: 64,
  configsPerTopic: 32,
  configValueChars: 1_000,
  producers: 32,
  consumers: 32,
  clientIdChars: 40,
  groupIdChars: 249,
  keyChars: 249,
  /** Records kept per partition by an export (the newest ones). */
  recordsPerPartition: 1_000,
  /** Records in a whole document. */
  records: 20_000,
  /** Bytes of keys and values (UTF-8) in a whole document. */
  dataBytes: 2_000_000,
  /** A share link carries records only while its hash stays under this many characters. */
  linkWithDataChars: 8_000,
  exportedAtChars: 40,
} as const;
