/**
 * What every shell (web worker, Node process, simulator) gives a Kafka node and gets
 * back. A node is one KRaft combined-mode server: a broker, plus a controller when it is
 * one of the quorum's voters. The shell owns all I/O: it accepts connections, dials other
 * nodes, supplies storage, time and randomness, and calls `tick()` every TICK_INTERVAL_MS
 * of node time (never while the playground is paused).
 */
import type { Clock } from "../../client/clock.ts";
import type { Dialer, ListenerName } from "../../client/node-requester.ts";
import type { Transport } from "../../client/transport.ts";
import type { FileSystem } from "../../log/fs/file-system.ts";
import type { TelemetrySink } from "../../telemetry/telemetry-event.ts";

export const TICK_INTERVAL_MS = 10;

export interface NodeConfig {
  nodeId: number;
  clusterId: string;
  /** Node ids of the KRaft voters (the first 1, 3 or 5 nodes of the cluster). */
  voters: number[];
  /** The node's log dir inside its FileSystem (default `broker-<nodeId>`). */
  logDir?: string;
  /** Broker and topic-default configs by Kafka's names, e.g. "min.insync.replicas": "2". */
  properties: Readonly<Record<string, string>>;
  /** Where each voter's CONTROLLER listener is (from controller.quorum.voters); the
   *  browser and simulator route by node id and may leave it out. */
  controllerEndpoints?: Record<number, { host: string; port: number }>;
  /** Where the node advertises its listeners (for Metadata answers and RegisterBroker). */
  advertised: Record<ListenerName, { host: string; port: number }>;
}

export interface NodePorts {
  clock: Clock;
  /** The node's storage; its log dir (`NodeConfig.logDir`, default `broker-<id>/`) lives in it. */
  fs: FileSystem;
  dial: Dialer;
  telemetry: TelemetrySink;
  /** Uniform in [0, 1): election timeouts, ids. Seeded in the simulator. */
  random(): number;
}

export interface NodeStatus {
  nodeId: number;
  isVoter: boolean;
  raftRole: string;
  raftLeader: number;
  raftEpoch: number;
  fenced: boolean;
}

/** One partition as a node holds it, for the simulator's checkers and the debug views. */
export interface PartitionInspection {
  topic: string;
  partition: number;
  role: "leader" | "follower" | "none";
  leaderId: number;
  leaderEpoch: number;
  isr: number[];
  highWatermark: bigint;
  logStartOffset: bigint;
  logEndOffset: bigint;
}

export interface StoredRecord {
  offset: bigint;
  leaderEpoch: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
}

export interface RunningNode {
  readonly nodeId: number;
  /** Serve Kafka requests arriving on `transport` until either side hangs up. */
  accept(transport: Transport, listener: ListenerName): void;
  tick(): void;
  status(): NodeStatus;
  /** The partitions this node holds (what an operator would see with kafka-log-dirs). */
  inspect(): PartitionInspection[];
  /** Records of a partition's log in [from, to), read from storage as they are. */
  readRecords(topic: string, partition: number, from: bigint, to: bigint): StoredRecord[];
  /** Controlled shutdown: hand leadership away, then flush and close the logs. */
  shutdown(): Promise<void>;
}
