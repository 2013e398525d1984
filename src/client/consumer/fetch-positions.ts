/**
 * Gives every assigned partition a fetch position before it is fetched, as Java's
 * updateFetchPositions does: the group's committed offset if there is one (OffsetFetch),
 * else auto.offset.reset (or the subscription's fromBeginning) through ListOffsets:
 * earliest, latest, or for "none" an error naming every partition that has no committed
 * offset. A seek by timestamp is answered here too (no record at or after the timestamp:
 * the end of the log, as kafka-consumer-groups --to-datetime does). An answer that arrives
 * after the partition was sought elsewhere or revoked is dropped.
 */
import type { ClientCluster } from "../cluster/client-cluster.ts";
import type { ConsumerConfig } from "./consumer-config.ts";
import type { CoordinatorChannel } from "./coordinator-channel.ts";
import { fetchCommittedOffsets } from "./group-offsets.ts";
import {
  EARLIEST_TIMESTAMP,
  LATEST_TIMESTAMP,
  lookupOffsets,
  type OffsetQuery,
} from "./offset-lookup.ts";
import { partitionKey, type PartitionState, type SubscriptionState } from "./subscription-state.ts";

/** Java's NoOffsetForPartitionException: auto.offset.reset=none and nothing committed. */
export class NoOffsetForPartitionError extends Error {
  override readonly name = "NoOffsetForPartitionError";
  constructor(readonly partitions: { topic: string; partition: number }[]) {
    super(
      `Undefined offset with no reset policy for partitions: [${partitions
        .map(({ topic, partition }) => `${topic}-${partition}`)
        .join(", ")}]`,
    );
  }
}

export type PositionConfig = Pick<
  ConsumerConfig,
  "isolationLevel" | "retryBackoffMs" | "retryBackoffMaxMs"
> & { apiTimeoutMs: number };

export async function updateFetchPositions(
  cluster: ClientCluster,
  subscriptions: SubscriptionState,
  channel: CoordinatorChannel | null,
  config: PositionConfig,
): Promise<void> {
  const needing = subscriptions.needingPosition();
  if (needing.length === 0) return;
  const fresh = needing.filter(
    (state) => state.pendingReset === null && state.pendingTimestamp === null,
  );
  if (fresh.length > 0) await applyCommitted(subscriptions, channel, fresh);

  const lookups: { state: PartitionState; epoch: number; query: OffsetQuery }[] = [];
  const undefinedOffsets: PartitionState[] = [];
  for (const state of subscriptions.needingPosition()) {
    if (state.pendingTimestamp !== null) {
      lookups.push({ state, epoch: state.epoch, query: queryOf(state, state.pendingTimestamp) });
    } else if (state.pendingReset === "none") {
      undefinedOffsets.push(state);
    } else if (state.pendingReset !== null) {
      const timestamp = state.pendingReset === "earliest" ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP;
      lookups.push({ state, epoch: state.epoch, query: queryOf(state, timestamp) });
    }
  }
  if (undefinedOffsets.length > 0) {
    throw new NoOffsetForPartitionError(
      undefinedOffsets.map(({ topic, partition }) => ({ topic, partition })),
    );
  }
  if (lookups.length === 0) return;
  const answers = await lookupOffsets(
    cluster,
    lookups.map((lookup) => lookup.query),
    { ...config, timeoutMs: config.apiTimeoutMs },
  );
  const byKey = new Map(
    answers.map((answer) => [partitionKey(answer.topic, answer.partition), answer]),
  );
  const needEnd: typeof lookups = [];
  for (const lookup of lookups) {
    const answer = byKey.get(partitionKey(lookup.state.topic, lookup.state.partition));
    if (answer === undefined || !stillWaiting(subscriptions, lookup.state, lookup.epoch)) continue;
    if (answer.offset >= 0n) subscriptions.seek(lookup.state, answer.offset);
    else needEnd.push(lookup);
  }
  // A timestamp after every record: start at the end, where the next record will be.
  for (const lookup of needEnd) subscriptions.requestReset(lookup.state, "latest");
}

async function applyCommitted(
  subscriptions: SubscriptionState,
  channel: CoordinatorChannel | null,
  states: PartitionState[],
): Promise<void> {
  const epochs = new Map(states.map((state) => [state, state.epoch]));
  const committed =
    channel === null
      ? new Map<string, bigint | null>()
      : await fetchCommittedOffsets(
          channel,
          states.map(({ topic, partition }) => ({ topic, partition })),
        );
  for (const state of states) {
    if (!stillWaiting(subscriptions, state, epochs.get(state)!)) continue;
    const offset = committed.get(partitionKey(state.topic, state.partition)) ?? null;
    if (offset === null) {
      subscriptions.requestReset(state, subscriptions.resetStrategyFor(state.topic));
    } else {
      subscriptions.seek(state, offset);
      state.committed = offset;
    }
  }
}

function stillWaiting(
  subscriptions: SubscriptionState,
  state: PartitionState,
  epoch: number,
): boolean {
  return (
    subscriptions.state(state.topic, state.partition) === state &&
    state.epoch === epoch &&
    state.position === null
  );
}

function queryOf(state: PartitionState, timestamp: bigint): OffsetQuery {
  return { topic: state.topic, partition: state.partition, timestamp };
}
