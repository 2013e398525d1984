/**
 * What nodes tell the page: typed events, one union. Every node emits them through a
 * TelemetrySink; the shells batch them (at most once per animation frame in the browser)
 * into bounded buffers. Numbers that are int64 in Kafka (offsets) travel as bigint.
 */
export type TelemetryEvent =
  | {
      kind: "records-appended";
      node: number;
      topic: string;
      partition: number;
      baseOffset: bigint;
      count: number;
      bytes: number;
    }
  | {
      kind: "log-offsets";
      node: number;
      topic: string;
      partition: number;
      logStartOffset: bigint;
      logEndOffset: bigint;
      highWatermark: bigint;
    }
  | {
      kind: "partition-role";
      node: number;
      topic: string;
      partition: number;
      role: "leader" | "follower" | "none";
      leader: number;
      leaderEpoch: number;
    }
  | {
      kind: "isr-changed";
      node: number;
      topic: string;
      partition: number;
      isr: number[];
      leaderEpoch: number;
      partitionEpoch: number;
    }
  | {
      kind: "leader-changed";
      node: number;
      topic: string;
      partition: number;
      leader: number;
      leaderEpoch: number;
    }
  | {
      kind: "segment";
      node: number;
      topic: string;
      partition: number;
      /** "opened": the segment was there when the broker opened the log (after a restart). */
      action: "opened" | "rolled" | "deleted" | "cleaned";
      baseOffset: bigint;
    }
  | {
      kind: "topic";
      node: number;
      topic: string;
      action: "created" | "deleted";
      partitions: number;
    }
  | {
      kind: "broker";
      node: number;
      broker: number;
      action: "registered" | "fenced" | "unfenced" | "controlled-shutdown";
    }
  | {
      kind: "raft";
      node: number;
      role: "leader" | "candidate" | "follower" | "unattached" | "voted" | "resigned" | "observer";
      epoch: number;
      leader: number;
      highWatermark: bigint;
    }
  | {
      kind: "request";
      node: number;
      direction: "in" | "out";
      peer: string;
      apiKey: number;
      apiVersion: number;
      correlationId: number;
      bytes: number;
    }
  | {
      /** A classic group changed state (a rebalance began, completed, the group emptied, ...). */
      kind: "group";
      node: number;
      group: string;
      /** The __consumer_offsets partition whose leader coordinates the group. */
      coordinatorPartition: number;
      state: "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";
      generation: number;
      protocolType: string;
      protocol: string | null;
      leader: string | null;
      members: GroupMemberTelemetry[];
      /** Why it happened, in Kafka's words (e.g. "Adding new member ..."). */
      reason: string;
    }
  | {
      /** A group's offset commit reached the HW of __consumer_offsets. */
      kind: "offset-commit";
      node: number;
      group: string;
      topic: string;
      partition: number;
      offset: bigint;
    }
  | { kind: "error"; node: number; where: string; message: string; errorCode?: number }
  | { kind: "node"; node: number; action: "started" | "recovered" | "stopped"; detail?: string };

export type TelemetryKind = TelemetryEvent["kind"];

/** A group member as a "group" event shows it: who, and what its assignment gives it. */
export interface GroupMemberTelemetry {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  /** For the "consumer" protocol, the partitions assigned; empty when unknown or none. */
  assignment: { topic: string; partitions: number[] }[];
}

/** Where a node's events go. The shells decide what happens next (batch, post, print). */
export interface TelemetrySink {
  emit(event: TelemetryEvent): void;
  /**
   * Whether events of this kind go anywhere. Frequent ones (a "request" for every frame in
   * and out) are only built when it says yes, as Kafka's request logger costs nothing
   * while it is off. A sink without it takes everything.
   */
  wants?(kind: TelemetryKind): boolean;
}

/** Whether `sink` takes events of `kind`. */
export function sinkWants(sink: TelemetrySink, kind: TelemetryKind): boolean {
  return sink.wants?.(kind) ?? true;
}

/** A sink that drops everything, for nodes nobody is watching. */
export const DISCARD_TELEMETRY: TelemetrySink = { emit() {}, wants: () => false };
