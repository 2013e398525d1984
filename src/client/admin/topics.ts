/**
 * Topic administration: create, delete, add partitions, list and describe — KafkaJS's
 * calls, sent as Kafka's AdminClient sends them (CreateTopics, DeleteTopics and
 * CreatePartitions to the controller; Metadata to any broker). Each topic succeeds or
 * fails on its own; topics that failed retriably are sent again until the deadline.
 */
import { ZERO_UUID } from "../../protocol/codec-runtime.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { CreatePartitionsResponse } from "../../protocol/generated/messages/create-partitions-response.ts";
import type { CreateTopicsResponse } from "../../protocol/generated/messages/create-topics-response.ts";
import type { DeleteTopicsResponse } from "../../protocol/generated/messages/delete-topics-response.ts";
import type { ClusterMetadata, TopicInfo } from "../cluster/cluster-metadata.ts";
import { AdminProtocolError, requireArgument } from "./admin-error.ts";
import {
  deadlineAfter,
  failed,
  retrying,
  settleEach,
  succeeded,
  valuesOrThrow,
  type AdminContext,
  type Outcome,
} from "./admin-retry.ts";
import { DEFAULT_OPERATION_TIMEOUT_MS, sendToController } from "./admin-routing.ts";
import type {
  CreateTopicsOptions,
  PartitionMetadata,
  TopicMetadata,
  TopicPartitionsConfig,
} from "./admin-types.ts";

/** How often the leaders of new topics are looked for (KafkaJS polls every 100 ms). */
const LEADER_POLL_MS = 100;

/** The outcome of one topic in a controller answer. */
function topicOutcome<V>(
  topic: string,
  answer: { errorCode: number; errorMessage: string | null } | undefined,
  value: V,
): Outcome<V> {
  if (answer === undefined) {
    return failed(new AdminProtocolError(ErrorCode.UNKNOWN_SERVER_ERROR, { topic }, "no answer"));
  }
  if (answer.errorCode === ErrorCode.NONE) return succeeded(value);
  return failed(new AdminProtocolError(answer.errorCode, { topic }, answer.errorMessage));
}

function requireTopicNames(topics: unknown, what: string): asserts topics is string[] {
  requireArgument(Array.isArray(topics), `Invalid ${what} array ${String(topics)}`);
  requireArgument(
    topics.every((topic) => typeof topic === "string"),
    `Invalid ${what} array, the topic names have to be a valid string`,
  );
  requireArgument(
    new Set(topics).size === topics.length,
    `Invalid ${what} array, it cannot have multiple entries for the same topic`,
  );
}

/**
 * Creates topics. True when every topic was created, false when some already existed
 * (KafkaJS's answer); any other failure throws for the first topic that had it.
 */
export async function createTopics(
  context: AdminContext,
  options: CreateTopicsOptions,
): Promise<boolean> {
  const { topics, validateOnly = false, waitForLeaders = true, timeout } = options;
  requireArgument(Array.isArray(topics), `Invalid topics array ${String(topics)}`);
  requireTopicNames(
    topics.map((each) => each.topic),
    "topics",
  );
  for (const { topic, configEntries } of topics) {
    requireArgument(
      configEntries === undefined ||
        (Array.isArray(configEntries) &&
          configEntries.every((e) => typeof e.name === "string" && typeof e.value === "string")),
      `Invalid configEntries for topic "${topic}": each entry needs a string name and value`,
    );
  }
  const deadlineMs = deadlineAfter(context, timeout);
  const byName = new Map(topics.map((each) => [each.topic, each]));
  const outcomes = await settleEach(context, deadlineMs, [...byName.keys()], async (pending, n) => {
    const { response } = await sendToController<CreateTopicsResponse>(
      context,
      deadlineMs,
      n,
      ApiKey.CreateTopics,
      {
        topics: pending.map((name) => {
          const each = byName.get(name)!;
          return {
            name,
            numPartitions: each.numPartitions ?? -1,
            replicationFactor: each.replicationFactor ?? -1,
            assignments: (each.replicaAssignment ?? []).map(({ partition, replicas }) => ({
              partitionIndex: partition,
              brokerIds: replicas,
            })),
            configs: (each.configEntries ?? []).map(({ name, value }) => ({ name, value })),
          };
        }),
        timeoutMs: timeout ?? DEFAULT_OPERATION_TIMEOUT_MS,
        validateOnly,
      },
    );
    const answers = new Map(response.topics.map((answer) => [answer.name, answer]));
    return new Map(
      pending.map((name) => {
        const answer = answers.get(name);
        // An existing topic is KafkaJS's `false`, not an error.
        if (answer?.errorCode === ErrorCode.TOPIC_ALREADY_EXISTS) return [name, succeeded(false)];
        return [name, topicOutcome(name, answer, true)];
      }),
    );
  });
  const created = valuesOrThrow([...byName.keys()], outcomes);
  if (waitForLeaders && !validateOnly) {
    await waitForTopicLeaders(context, [...byName.keys()], deadlineMs);
  }
  return created.every(Boolean);
}

/** Waits until metadata shows a leader for every partition of `topics`. */
async function waitForTopicLeaders(
  context: AdminContext,
  topics: string[],
  deadlineMs: number,
): Promise<void> {
  const { cluster } = context;
  const led = (topic: TopicInfo | undefined) =>
    topic !== undefined &&
    topic.errorCode === ErrorCode.NONE &&
    topic.partitions.length > 0 &&
    topic.partitions.every((partition) => partition.leader >= 0);
  for (;;) {
    const metadata = await cluster.refreshMetadata(topics).catch(() => null);
    const waiting = topics.find((topic) => !led(metadata?.topics.get(topic)));
    if (waiting === undefined) return;
    if (cluster.io.nowMs() + LEADER_POLL_MS >= deadlineMs) {
      throw new AdminProtocolError(
        ErrorCode.LEADER_NOT_AVAILABLE,
        { topic: waiting },
        "timed out while waiting for topic leaders",
        false,
      );
    }
    await cluster.sleep(LEADER_POLL_MS);
  }
}

/** Deletes topics; throws for the first topic that could not be deleted. */
export async function deleteTopics(
  context: AdminContext,
  options: { topics: string[]; timeout?: number },
): Promise<void> {
  const { topics, timeout } = options;
  requireTopicNames(topics, "topics");
  const deadlineMs = deadlineAfter(context, timeout);
  const outcomes = await settleEach(context, deadlineMs, topics, async (pending, n) => {
    const { response } = await sendToController<DeleteTopicsResponse>(
      context,
      deadlineMs,
      n,
      ApiKey.DeleteTopics,
      {
        topics: pending.map((name) => ({ name, topicId: ZERO_UUID })),
        topicNames: pending,
        timeoutMs: timeout ?? DEFAULT_OPERATION_TIMEOUT_MS,
      },
    );
    const answers = new Map(response.responses.map((answer) => [answer.name, answer]));
    return new Map(pending.map((name) => [name, topicOutcome(name, answers.get(name), null)]));
  });
  valuesOrThrow(topics, outcomes);
  // Forget the deleted topics (a refresh of every topic replaces the cached list).
  await context.cluster.refreshMetadata(null).catch(() => undefined);
}

/** Raises topics' partition counts; throws for the first topic that failed. */
export async function createPartitions(
  context: AdminContext,
  options: { topicPartitions: TopicPartitionsConfig[]; validateOnly?: boolean; timeout?: number },
): Promise<boolean> {
  const { topicPartitions, validateOnly = false, timeout } = options;
  requireArgument(
    Array.isArray(topicPartitions) && topicPartitions.length > 0,
    `Invalid topic partitions array ${String(topicPartitions)}`,
  );
  requireTopicNames(
    topicPartitions.map((each) => each.topic),
    "topic partitions",
  );
  const deadlineMs = deadlineAfter(context, timeout);
  const byName = new Map(topicPartitions.map((each) => [each.topic, each]));
  const outcomes = await settleEach(context, deadlineMs, [...byName.keys()], async (pending, n) => {
    const { response } = await sendToController<CreatePartitionsResponse>(
      context,
      deadlineMs,
      n,
      ApiKey.CreatePartitions,
      {
        topics: pending.map((name) => {
          const { count, assignments } = byName.get(name)!;
          return {
            name,
            count,
            assignments: assignments?.map((brokerIds) => ({ brokerIds })) ?? null,
          };
        }),
        timeoutMs: timeout ?? DEFAULT_OPERATION_TIMEOUT_MS,
        validateOnly,
      },
    );
    const answers = new Map(response.results.map((answer) => [answer.name, answer]));
    return new Map(pending.map((name) => [name, topicOutcome(name, answers.get(name), true)]));
  });
  valuesOrThrow([...byName.keys()], outcomes);
  return true;
}

/** Every topic's name, internal topics included (as `kafka-topics --list` shows them). */
export async function listTopics(context: AdminContext): Promise<string[]> {
  const metadata = await retrying(context, deadlineAfter(context), () =>
    context.cluster.refreshMetadata(null),
  );
  return [...metadata.topics.keys()];
}

/** Partitions, leaders, replicas and ISR of `topics` (default: every topic). */
export async function fetchTopicMetadata(
  context: AdminContext,
  options: { topics?: string[] } = {},
): Promise<{ topics: TopicMetadata[] }> {
  const wanted = options.topics ?? [];
  requireTopicNames(wanted, "topics");
  const metadata = await retrying(context, deadlineAfter(context), async () => {
    const answer = await context.cluster.refreshMetadata(wanted.length === 0 ? null : wanted);
    for (const topic of wanted) checkTopicKnown(answer, topic);
    return answer;
  });
  const names = wanted.length === 0 ? [...metadata.topics.keys()] : wanted;
  return {
    topics: names.map((name) => ({
      name,
      partitions: metadata.topics.get(name)!.partitions.map((partition): PartitionMetadata => ({
        partitionErrorCode: partition.errorCode,
        partitionId: partition.partition,
        leader: partition.leader,
        leaderEpoch: partition.leaderEpoch,
        replicas: partition.replicas,
        isr: partition.isr,
        offlineReplicas: partition.offlineReplicas,
      })),
    })),
  };
}

/** Throws the topic's metadata error (UNKNOWN_TOPIC_OR_PARTITION at once; LEADER_NOT_AVAILABLE to retry). */
export function checkTopicKnown(metadata: ClusterMetadata, topic: string): TopicInfo {
  const info = metadata.topics.get(topic);
  if (info === undefined) {
    throw new AdminProtocolError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, { topic }, null);
  }
  if (info.errorCode !== ErrorCode.NONE) {
    throw new AdminProtocolError(info.errorCode, { topic }, null);
  }
  return info;
}
