/**
 * Folds the nodes' telemetry into the store's cluster, topics and groups slices, and says
 * what moved (flights for the canvas, appended records for the metrics) and what is worth a
 * timeline entry. Pure apart from the dedupe memory it is given: unit-tested with events.
 */
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import type { TimelineCategory, TimelineEntry } from "../store/activity-slice.ts";
import type { BrokerView, ClusterSlice } from "../store/cluster-slice.ts";
import {
  phaseOfState,
  unknownGroup,
  type GroupView,
  type GroupsSlice,
} from "../store/groups-slice.ts";
import {
  emptyPartition,
  partitionKey,
  type PartitionView,
  type TopicView,
  type TopicsSlice,
} from "../store/topics-slice.ts";
import type { Flight } from "./flight-bus.ts";
import type { TimelineDedupe } from "./timeline-dedupe.ts";

export type ReducedState = Pick<ClusterSlice, "brokers" | "controllerId" | "controllerEpoch"> &
  TopicsSlice &
  GroupsSlice;

export interface TelemetryOutcome {
  state: ReducedState;
  flights: Flight[];
  timeline: Omit<TimelineEntry, "id">[];
  /** Records and bytes appended on partition leaders (MessagesInPerSec, BytesInPerSec). */
  leaderRecords: number;
  leaderBytes: number;
}

export const INTERNAL_TOPIC_PREFIX = "__";

const isInternal = (topic: string) => topic.startsWith(INTERNAL_TOPIC_PREFIX);

class Draft {
  readonly brokers: Record<number, BrokerView>;
  readonly topics: Record<string, TopicView>;
  readonly groups: Record<string, GroupView>;
  controllerId: number | null;
  controllerEpoch: number;
  private readonly copiedTopics = new Set<string>();
  private readonly copiedPartitions = new Set<string>();
  private readonly copiedBrokers = new Set<number>();

  constructor(state: ReducedState) {
    this.brokers = { ...state.brokers };
    this.topics = { ...state.topics };
    this.groups = { ...state.groups };
    this.controllerId = state.controllerId;
    this.controllerEpoch = state.controllerEpoch;
  }

  broker(id: number): BrokerView | null {
    const broker = this.brokers[id];
    if (broker === undefined) return null;
    if (!this.copiedBrokers.has(id)) {
      this.brokers[id] = { ...broker };
      this.copiedBrokers.add(id);
    }
    return this.brokers[id]!;
  }

  topic(name: string, partitions = 0): TopicView {
    let topic = this.topics[name];
    if (topic === undefined) {
      topic = {
        name,
        topicId: null,
        internal: name.startsWith(INTERNAL_TOPIC_PREFIX),
        partitions: [],
        configs: null,
      };
      this.topics[name] = topic;
      this.copiedTopics.add(name);
    } else if (!this.copiedTopics.has(name)) {
      topic = { ...topic, partitions: [...topic.partitions] };
      this.topics[name] = topic;
      this.copiedTopics.add(name);
    }
    for (let index = topic.partitions.length; index < partitions; index++) {
      topic.partitions.push(emptyPartition(name, index));
      this.copiedPartitions.add(partitionKey(name, index));
    }
    return topic;
  }

  partition(topicName: string, index: number): PartitionView {
    const topic = this.topic(topicName, index + 1);
    const key = partitionKey(topicName, index);
    if (!this.copiedPartitions.has(key)) {
      const old = topic.partitions[index]!;
      topic.partitions[index] = { ...old, offsets: { ...old.offsets } };
      this.copiedPartitions.add(key);
    }
    return topic.partitions[index]!;
  }

  group(groupId: string): GroupView {
    const group = this.groups[groupId] ?? unknownGroup(groupId, "Empty", "consumer");
    const copy = { ...group, committed: { ...group.committed } };
    this.groups[groupId] = copy;
    return copy;
  }

  state(): ReducedState {
    return {
      brokers: this.brokers,
      controllerId: this.controllerId,
      controllerEpoch: this.controllerEpoch,
      topics: this.topics,
      groups: this.groups,
    };
  }
}

export function reduceTelemetry(
  state: ReducedState,
  events: readonly TelemetryEvent[],
  nowMs: number,
  dedupe: TimelineDedupe,
): TelemetryOutcome {
  const draft = new Draft(state);
  const outcome: TelemetryOutcome = {
    state: state,
    flights: [],
    timeline: [],
    leaderRecords: 0,
    leaderBytes: 0,
  };
  const note = (
    key: string | null,
    category: TimelineCategory,
    message: string,
    values: Record<string, string | number>,
    node: number | null,
  ) => {
    if (key !== null && dedupe.first(key, nowMs))
      outcome.timeline.push({ atMs: nowMs, category, message, values, node });
  };
  for (const event of events) applyEvent(draft, event, outcome, note, nowMs);
  outcome.state = draft.state();
  return outcome;
}

type Note = (
  /** Null: not worth a timeline entry. */
  key: string | null,
  category: TimelineCategory,
  message: string,
  values: Record<string, string | number>,
  node: number | null,
) => void;

function applyEvent(
  draft: Draft,
  event: TelemetryEvent,
  outcome: TelemetryOutcome,
  note: Note,
  nowMs: number,
) {
  switch (event.kind) {
    case "log-offsets": {
      const partition = draft.partition(event.topic, event.partition);
      partition.offsets[event.node] = {
        logStart: Number(event.logStartOffset),
        leo: Number(event.logEndOffset),
        hw: Number(event.highWatermark),
      };
      return;
    }
    case "records-appended": {
      const broker = draft.broker(event.node);
      if (broker !== null) broker.bytesAppended += event.bytes;
      const partition = draft.topics[event.topic]?.partitions[event.partition];
      if (partition === undefined || partition.leader === event.node) {
        outcome.leaderRecords += event.count;
        outcome.leaderBytes += event.bytes;
      } else if (partition.leader >= 0) {
        outcome.flights.push({
          kind: "replicate",
          from: { kind: "broker", id: partition.leader },
          to: { kind: "broker", id: event.node },
          topic: event.topic,
          partition: event.partition,
          records: event.count,
          key: null,
        });
      }
      return;
    }
    case "partition-role": {
      if (event.role !== "leader") return;
      const partition = draft.partition(event.topic, event.partition);
      if (event.leaderEpoch < partition.leaderEpoch) return;
      partition.leader = event.node;
      partition.leaderEpoch = event.leaderEpoch;
      return;
    }
    case "leader-changed": {
      const partition = draft.partition(event.topic, event.partition);
      if (event.leaderEpoch >= partition.leaderEpoch) {
        partition.leader = event.leader;
        partition.leaderEpoch = event.leaderEpoch;
      }
      note(
        // The 50 partitions of __consumer_offsets would bury what the learner did.
        isInternal(event.topic)
          ? null
          : `leader:${event.topic}:${event.partition}:${event.leaderEpoch}`,
        "leader",
        event.leader < 0 ? "timeline.leaderNone" : "timeline.leader",
        {
          topic: event.topic,
          partition: event.partition,
          leader: event.leader,
          epoch: event.leaderEpoch,
        },
        event.node,
      );
      return;
    }
    case "isr-changed": {
      const partition = draft.partition(event.topic, event.partition);
      if (event.partitionEpoch < partition.isrPartitionEpoch) return;
      partition.isr = [...event.isr];
      partition.isrPartitionEpoch = event.partitionEpoch;
      note(
        isInternal(event.topic)
          ? null
          : `isr:${event.topic}:${event.partition}:${event.partitionEpoch}`,
        "isr",
        "timeline.isr",
        { topic: event.topic, partition: event.partition, isr: event.isr.join(", ") },
        event.node,
      );
      return;
    }
    case "segment": {
      const partition = draft.partition(event.topic, event.partition);
      const base = Number(event.baseOffset);
      const leaderView = partition.leader === event.node || partition.leader < 0;
      const added = event.action === "rolled" || event.action === "opened";
      if (leaderView && added && !partition.segmentBases.includes(base)) {
        partition.segmentBases = [...partition.segmentBases, base].sort((a, b) => a - b);
      }
      if (leaderView && event.action === "deleted") {
        partition.segmentBases = partition.segmentBases.filter((known) => known !== base);
      }
      if (event.action === "opened") return; // no news: the segment was already there
      note(
        `segment:${event.node}:${event.topic}:${event.partition}:${event.action}:${base}`,
        "segment",
        `timeline.segment.${event.action}`,
        { topic: event.topic, partition: event.partition, base, broker: event.node },
        event.node,
      );
      return;
    }
    case "topic": {
      if (event.action === "created") draft.topic(event.topic, event.partitions);
      else delete draft.topics[event.topic];
      note(
        `topic:${event.topic}:${event.action}`,
        "topic",
        `timeline.topic.${event.action}`,
        { topic: event.topic, partitions: event.partitions },
        event.node,
      );
      return;
    }
    case "broker": {
      const broker = draft.broker(event.broker);
      if (broker !== null) {
        if (event.action === "fenced" || event.action === "controlled-shutdown")
          broker.fenced = true;
        if (event.action === "unfenced") broker.fenced = false;
      }
      note(
        `broker:${event.broker}:${event.action}`,
        "broker",
        `timeline.broker.${event.action}`,
        { broker: event.broker },
        event.node,
      );
      return;
    }
    case "raft": {
      const broker = draft.broker(event.node);
      if (broker !== null) {
        broker.raftRole = event.role;
        broker.raftEpoch = event.epoch;
      }
      if (event.leader >= 0 && event.epoch >= draft.controllerEpoch) {
        const changed =
          draft.controllerId !== event.leader || draft.controllerEpoch !== event.epoch;
        draft.controllerId = event.leader;
        draft.controllerEpoch = event.epoch;
        if (changed) {
          note(
            `controller:${event.epoch}`,
            "controller",
            "timeline.controller",
            { controller: event.leader, epoch: event.epoch },
            event.node,
          );
        }
      }
      return;
    }
    case "group": {
      const group = draft.group(event.group);
      group.state = event.state;
      group.generation = event.generation;
      group.protocolType = event.protocolType;
      group.protocol = event.protocol;
      group.leader = event.leader;
      group.members = event.members;
      group.reason = event.reason;
      group.coordinatorPartition = event.coordinatorPartition;
      group.phase = phaseOfState(event.state);
      group.telemetryAtMs = nowMs;
      note(
        `group:${event.group}:${event.generation}:${event.state}`,
        "group",
        "timeline.group",
        {
          group: event.group,
          state: event.state,
          generation: event.generation,
          reason: event.reason,
        },
        event.node,
      );
      return;
    }
    case "offset-commit": {
      const group = draft.group(event.group);
      group.committed[partitionKey(event.topic, event.partition)] = Number(event.offset);
      note(
        `commit:${event.group}`,
        "commit",
        "timeline.commit",
        {
          group: event.group,
          topic: event.topic,
          partition: event.partition,
          offset: Number(event.offset),
        },
        event.node,
      );
      return;
    }
    case "error": {
      note(
        `error:${event.node}:${event.where}:${event.message}`,
        "error",
        "timeline.error",
        { where: event.where, message: event.message },
        event.node,
      );
      return;
    }
    case "node": {
      note(
        `node:${event.node}:${event.action}`,
        "broker",
        `timeline.node.${event.action}`,
        { broker: event.node, detail: event.detail ?? "" },
        event.node,
      );
      return;
    }
    case "request":
      return;
  }
}
