/**
 * KafkaJS's instrumentation events for the consumer (`consumer.on(consumer.events.GROUP_JOIN,
 * listener)`, returning the function that removes the listener), with KafkaJS's names and
 * payloads, plus what the playground page shows that KafkaJS has no event for: partitions
 * revoked, assigned and lost (Java's ConsumerRebalanceListener) and leaving the group.
 * A listener that throws is ignored: watching the consumer must not break it.
 */
import type { TopicPartition } from "./consumer-types.ts";

export const CONSUMER_EVENTS = {
  HEARTBEAT: "consumer.heartbeat",
  COMMIT_OFFSETS: "consumer.commit_offsets",
  GROUP_JOIN: "consumer.group_join",
  FETCH_START: "consumer.fetch_start",
  FETCH: "consumer.fetch",
  START_BATCH_PROCESS: "consumer.start_batch_process",
  END_BATCH_PROCESS: "consumer.end_batch_process",
  CONNECT: "consumer.connect",
  DISCONNECT: "consumer.disconnect",
  STOP: "consumer.stop",
  CRASH: "consumer.crash",
  REBALANCING: "consumer.rebalancing",
  RECEIVED_UNSUBSCRIBED_TOPICS: "consumer.received_unsubscribed_topics",
  PARTITIONS_REVOKED: "consumer.partitions_revoked",
  PARTITIONS_ASSIGNED: "consumer.partitions_assigned",
  PARTITIONS_LOST: "consumer.partitions_lost",
  GROUP_LEAVE: "consumer.group_leave",
} as const;

export type ConsumerEventName = (typeof CONSUMER_EVENTS)[keyof typeof CONSUMER_EVENTS];

interface GroupMemberPayload {
  groupId: string;
  memberId: string;
  groupGenerationId: number;
}

export interface ConsumerEventPayloads {
  "consumer.heartbeat": GroupMemberPayload;
  "consumer.commit_offsets": GroupMemberPayload & {
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  };
  "consumer.group_join": {
    duration: number;
    groupId: string;
    isLeader: boolean;
    leaderId: string;
    groupProtocol: string;
    memberId: string;
    memberAssignment: Record<string, number[]>;
  };
  "consumer.fetch_start": { nodeId: number };
  "consumer.fetch": { numberOfBatches: number; duration: number; nodeId: number };
  "consumer.start_batch_process": BatchProcessPayload;
  "consumer.end_batch_process": BatchProcessPayload & { duration: number };
  "consumer.connect": null;
  "consumer.disconnect": null;
  "consumer.stop": null;
  "consumer.crash": { error: Error; groupId: string | null; restart: boolean };
  "consumer.rebalancing": { groupId: string; memberId: string };
  "consumer.received_unsubscribed_topics": {
    groupId: string;
    generationId: number;
    memberId: string;
    assignedTopics: string[];
    topicsSubscribed: string[];
    topicsNotSubscribed: string[];
  };
  "consumer.partitions_revoked": { groupId: string | null; partitions: TopicPartition[] };
  "consumer.partitions_assigned": { groupId: string | null; partitions: TopicPartition[] };
  "consumer.partitions_lost": { groupId: string | null; partitions: TopicPartition[] };
  "consumer.group_leave": { groupId: string; memberId: string; reason: string };
}

export interface BatchProcessPayload {
  topic: string;
  partition: number;
  highWatermark: string;
  offsetLag: string;
  offsetLagLow: string;
  batchSize: number;
  firstOffset: string | null;
  lastOffset: string;
}

export interface InstrumentationEvent<T> {
  id: string;
  type: string;
  timestamp: number;
  payload: T;
}

type Listener = (event: InstrumentationEvent<unknown>) => void;

/** Listeners per event at most: a page that re-subscribes on every render would leak otherwise. */
const MAX_LISTENERS_PER_EVENT = 1_000;

const EVENT_NAMES: ReadonlySet<string> = new Set(Object.values(CONSUMER_EVENTS));

export class ConsumerEvents {
  private readonly listeners = new Map<string, Listener[]>();
  private nextId = 0;

  constructor(private readonly nowMs: () => number) {}

  on<E extends ConsumerEventName>(
    name: E,
    listener: (event: InstrumentationEvent<ConsumerEventPayloads[E]>) => void,
  ): () => void {
    if (!EVENT_NAMES.has(name)) {
      throw new Error(`Event name should be one of ${[...EVENT_NAMES].join(", ")}`);
    }
    const list = this.listeners.get(name) ?? [];
    if (list.length >= MAX_LISTENERS_PER_EVENT) {
      throw new Error(`more than ${MAX_LISTENERS_PER_EVENT} listeners for ${name}`);
    }
    const entry = listener as Listener;
    list.push(entry);
    this.listeners.set(name, list);
    return () => {
      const current = this.listeners.get(name) ?? [];
      const index = current.indexOf(entry);
      if (index >= 0) current.splice(index, 1);
    };
  }

  emit<E extends ConsumerEventName>(name: E, payload: ConsumerEventPayloads[E]): void {
    const list = this.listeners.get(name);
    if (list === undefined || list.length === 0) return;
    const event = { id: String(this.nextId++), type: name, timestamp: this.nowMs(), payload };
    for (const listener of [...list]) {
      try {
        listener(event);
      } catch {
        // A watcher's failure is its own.
      }
    }
  }
}
