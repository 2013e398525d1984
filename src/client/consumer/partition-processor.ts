/**
 * Hands one partition's fetched messages to the user's eachMessage or eachBatch, at most
 * max.poll.records at a time (each hand-off is one "poll" for max.poll.interval.ms), and
 * moves the partition's position and processed offset as messages are resolved. Delivery
 * stops as soon as the batch goes stale: the consumer stopped, the partition was sought,
 * paused or revoked, or the member lost its place in the group. What was not resolved is
 * fetched again (KafkaJS's redelivery), so nothing is skipped.
 */
import { createBatch } from "./batch.ts";
import { CONSUMER_EVENTS, type ConsumerEvents } from "./consumer-events.ts";
import type {
  EachBatchPayload,
  KafkaMessage,
  OffsetsByTopicPartition,
  RunOptions,
} from "./consumer-types.ts";
import type { FetchTarget } from "./fetcher.ts";
import type { OffsetCommitter } from "./offset-committer.ts";
import type { SubscriptionState } from "./subscription-state.ts";

export interface ProcessorContext {
  subscriptions: SubscriptionState;
  committer: OffsetCommitter;
  events: ConsumerEvents;
  run: Required<Pick<RunOptions, "eachBatchAutoResolve">> &
    Pick<RunOptions, "eachMessage" | "eachBatch">;
  maxPollRecords: number;
  nowMs(): number;
  isRunning(): boolean;
  /** False once the member's generation is gone (its partitions may be someone else's). */
  membershipValid(): boolean;
  /** Starts a max.poll.interval.ms period: the run loop is handing records out. */
  markPolled(): void;
  heartbeat(): Promise<void>;
  /** Wakes the run loop (a pause's resume). */
  wake(): void;
}

export interface FetchedPartition {
  target: FetchTarget;
  messages: KafkaMessage[];
  nextOffset: bigint;
}

export async function processPartition(
  context: ProcessorContext,
  fetched: FetchedPartition,
): Promise<void> {
  const { target, messages, nextOffset } = fetched;
  const state = target.state;
  const { subscriptions } = context;
  // Superseded: what this batch would resolve no longer counts (sought, revoked, dropped).
  const superseded = () =>
    state.epoch !== target.epoch ||
    subscriptions.state(state.topic, state.partition) !== state ||
    !context.membershipValid();
  // Stale: deliver no more of it (also once stopped or paused; resolving still counts then).
  const stale = () => superseded() || !context.isRunning() || subscriptions.isPaused(state);
  if (stale()) return;
  if (messages.length === 0) {
    // Only control batches or records before the position: step over them.
    if (state.processed === null || state.processed === target.fetchOffset)
      state.processed = nextOffset;
    state.position = nextOffset;
    return;
  }
  const lastOffset = BigInt(messages[messages.length - 1]!.offset);
  let delivered = 0;
  try {
    while (delivered < messages.length && !stale()) {
      const chunk = messages.slice(delivered, delivered + context.maxPollRecords);
      delivered += chunk.length;
      context.markPolled();
      await deliver(context, target, chunk, stale, superseded);
      const resolvedChunk = (state.processed ?? -1n) > BigInt(chunk[chunk.length - 1]!.offset);
      if (!resolvedChunk) break;
    }
  } finally {
    // Not sought or revoked meanwhile: the next fetch starts after what was resolved.
    if (
      subscriptions.state(state.topic, state.partition) === state &&
      state.epoch === target.epoch &&
      state.processed !== null &&
      state.processed > target.fetchOffset
    ) {
      state.position = state.processed;
    }
  }
  if (!superseded() && state.processed === lastOffset + 1n) {
    // Everything resolved: continue after the last whole batch, past trailing control records.
    state.processed = nextOffset;
    state.position = nextOffset;
  }
}

async function deliver(
  context: ProcessorContext,
  target: FetchTarget,
  chunk: KafkaMessage[],
  stale: () => boolean,
  superseded: () => boolean,
): Promise<void> {
  const { topic, partition } = target.state;
  const state = target.state;
  const batch = createBatch(topic, partition, state.highWatermark, chunk);
  const resolve = (offset: string) => {
    const next = BigInt(offset) + 1n;
    if (superseded() || (state.processed !== null && next <= state.processed)) return;
    context.committer.noteResolved(Number(next - (state.processed ?? next - 1n)));
    state.processed = next;
  };
  const pause = () => {
    context.subscriptions.pause([{ topic, partitions: [partition] }]);
    return () => {
      context.subscriptions.resume([{ topic, partitions: [partition] }]);
      context.wake();
    };
  };
  const processInfo = {
    topic,
    partition,
    highWatermark: batch.highWatermark,
    offsetLag: batch.offsetLag(),
    offsetLagLow: batch.offsetLagLow(),
    batchSize: chunk.length,
    firstOffset: batch.firstOffset(),
    lastOffset: batch.lastOffset(),
  };
  const startedMs = context.nowMs();
  context.events.emit(CONSUMER_EVENTS.START_BATCH_PROCESS, processInfo);
  if (context.run.eachBatch !== undefined) {
    const payload: EachBatchPayload = {
      batch,
      resolveOffset: resolve,
      heartbeat: () => context.heartbeat(),
      pause,
      commitOffsetsIfNecessary: async (offsets?: OffsetsByTopicPartition) => {
        if (offsets === undefined) return context.committer.maybeCommit();
        await context.committer.commit(
          offsets.topics.flatMap(({ topic: name, partitions }) =>
            partitions.map((entry) => ({
              topic: name,
              partition: entry.partition,
              offset: BigInt(entry.offset),
            })),
          ),
        );
      },
      uncommittedOffsets: () => uncommittedOffsets(context.subscriptions),
      isRunning: () => context.isRunning(),
      isStale: stale,
    };
    await context.run.eachBatch(payload);
    if (context.run.eachBatchAutoResolve) resolve(batch.lastOffset());
  } else if (context.run.eachMessage !== undefined) {
    for (const message of chunk) {
      if (stale()) break;
      await context.run.eachMessage({
        topic,
        partition,
        message,
        heartbeat: () => context.heartbeat(),
        pause,
      });
      resolve(message.offset);
    }
  }
  context.events.emit(CONSUMER_EVENTS.END_BATCH_PROCESS, {
    ...processInfo,
    duration: context.nowMs() - startedMs,
  });
}

function uncommittedOffsets(subscriptions: SubscriptionState): OffsetsByTopicPartition {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const state of subscriptions.uncommitted()) {
    const list = topics.get(state.topic) ?? [];
    list.push({ partition: state.partition, offset: state.processed!.toString() });
    topics.set(state.topic, list);
  }
  return { topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })) };
}
