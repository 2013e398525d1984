/**
 * CreateTopics as Kafka's ControllerApis and ReplicationControlManager decide it. Each topic
 * is checked in turn (name, existence, configs, partitions and replicas) and, when all is
 * well, written as a TopicRecord, its ConfigRecords, then one PartitionRecord per partition.
 * -1 partitions or replication factor take num.partitions / default.replication.factor.
 * validateOnly answers the same without writing.
 */
import { ConfigResourceType } from "../metadata/metadata-image.ts";
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import { checkTopicConfigs } from "../metadata/configs/topic-configs.ts";
import {
  CLUSTER_METADATA_TOPIC_NAME,
  hasCollisionChars,
  topicNameProblem,
  unifyCollisionChars,
} from "../metadata/topic-name.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type {
  CreateTopicsRequest,
  CreateTopicsRequestCreatableTopic,
} from "../protocol/generated/messages/create-topics-request.ts";
import {
  defaultCreateTopicsResponse,
  defaultCreateTopicsResponseCreatableTopicResult,
  type CreateTopicsResponse,
  type CreateTopicsResponseCreatableTopicResult,
} from "../protocol/generated/messages/create-topics-response.ts";
import { apiError, type ApiError } from "./api-error.ts";
import type { ControllerState } from "./controller-state.ts";
import { decided, MAX_RECORDS_PER_OPERATION, type Decision } from "./decision.ts";
import { effectiveTopicConfigEntries } from "./effective-topic-configs.ts";
import {
  initialIsr,
  manualAssignmentProblem,
  noActiveReplicaError,
  partitionRecord,
} from "./partition-assignment.ts";
import { placeReplicas } from "./replica-placer.ts";
import { randomTopicId } from "./topic-id.ts";

type NewPartitions =
  | { ok: true; partitions: { replicas: number[]; isr: number[] }[] }
  | { ok: false; error: ApiError };

export function decideCreateTopics(
  state: ControllerState,
  request: CreateTopicsRequest,
): Decision<CreateTopicsResponse> {
  const counts = new Map<string, number>();
  for (const topic of request.topics) counts.set(topic.name, (counts.get(topic.name) ?? 0) + 1);
  const results: CreateTopicsResponseCreatableTopicResult[] = [];
  const records: MetadataRecord[] = [];
  for (const topic of request.topics) {
    if (counts.get(topic.name) !== 1 || topic.name === CLUSTER_METADATA_TOPIC_NAME) continue;
    const outcome = createTopic(state, topic, MAX_RECORDS_PER_OPERATION - records.length);
    if ("error" in outcome) {
      results.push(failure(topic.name, outcome.error));
    } else {
      results.push(outcome.result);
      records.push(...outcome.records);
    }
  }
  // Like Kafka, refusals of the request's shape come after the per-topic answers.
  for (const [name, count] of counts) {
    if (count > 1)
      results.push(failure(name, apiError(ErrorCode.INVALID_REQUEST, "Duplicate topic name.")));
    else if (name === CLUSTER_METADATA_TOPIC_NAME) {
      results.push(
        failure(
          name,
          apiError(
            ErrorCode.INVALID_REQUEST,
            `Creation of internal topic ${CLUSTER_METADATA_TOPIC_NAME} is prohibited.`,
          ),
        ),
      );
    }
  }
  return decided(request.validateOnly ? [] : records, {
    ...defaultCreateTopicsResponse(),
    topics: results,
  });
}

/** Create-topics answers with one error for every topic (NOT_CONTROLLER and the like). */
export function createTopicsFailure(
  request: CreateTopicsRequest,
  error: ApiError,
): CreateTopicsResponse {
  return {
    ...defaultCreateTopicsResponse(),
    topics: request.topics.map((topic) => failure(topic.name, error)),
  };
}

function failure(name: string, error: ApiError): CreateTopicsResponseCreatableTopicResult {
  return {
    ...defaultCreateTopicsResponseCreatableTopicResult(),
    name,
    errorCode: error.code,
    errorMessage: error.message,
  };
}

function createTopic(
  state: ControllerState,
  topic: CreateTopicsRequestCreatableTopic,
  recordBudget: number,
):
  | { error: ApiError }
  | { result: CreateTopicsResponseCreatableTopicResult; records: MetadataRecord[] } {
  const nameProblem = topicNameProblem(topic.name);
  if (nameProblem !== null)
    return { error: apiError(ErrorCode.INVALID_TOPIC_EXCEPTION, nameProblem) };
  if (state.image.topicsByName.has(topic.name)) {
    return {
      error: apiError(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${topic.name}' already exists.`),
    };
  }
  const colliding = collidingTopic(state, topic.name);
  if (colliding !== null) {
    return {
      error: apiError(
        ErrorCode.INVALID_TOPIC_EXCEPTION,
        `Topic '${topic.name}' collides with existing topic: ${colliding}`,
      ),
    };
  }
  const nullConfigs = topic.configs
    .filter((config) => config.value === null)
    .map((config) => config.name);
  if (nullConfigs.length > 0) {
    return {
      error: apiError(
        ErrorCode.INVALID_CONFIG,
        `Null value not supported for topic configs: ${nullConfigs.join(",")}`,
      ),
    };
  }
  const overrides = new Map(topic.configs.map((config) => [config.name, config.value ?? ""]));
  const configProblem = checkTopicConfigs(overrides);
  if (configProblem !== null) return { error: apiError(ErrorCode.INVALID_CONFIG, configProblem) };

  const planned = newPartitions(state, topic);
  if (!planned.ok) return { error: planned.error };
  const recordCount = 1 + overrides.size + planned.partitions.length;
  if (recordCount > recordBudget) {
    return {
      error: apiError(
        ErrorCode.INVALID_REQUEST,
        `Creating ${topic.name} needs ${recordCount} metadata records; one request may write at most ${MAX_RECORDS_PER_OPERATION}.`,
      ),
    };
  }
  const topicId = randomTopicId(state.identity.random);
  const records: MetadataRecord[] = [{ type: "TopicRecord", data: { name: topic.name, topicId } }];
  for (const [name, value] of overrides) {
    records.push({
      type: "ConfigRecord",
      data: { resourceType: ConfigResourceType.TOPIC, resourceName: topic.name, name, value },
    });
  }
  planned.partitions.forEach(({ replicas, isr }, index) =>
    records.push(partitionRecord(topicId, index, replicas, isr)),
  );
  const result: CreateTopicsResponseCreatableTopicResult = {
    ...defaultCreateTopicsResponseCreatableTopicResult(),
    name: topic.name,
    topicId,
    errorCode: ErrorCode.NONE,
    errorMessage: null,
    numPartitions: planned.partitions.length,
    replicationFactor: planned.partitions[0]!.replicas.length,
    configs: effectiveTopicConfigEntries(state, overrides),
  };
  return { result, records };
}

/** An existing topic whose name differs from `name` only by '.' versus '_'. */
function collidingTopic(state: ControllerState, name: string): string | null {
  if (!hasCollisionChars(name)) return null;
  const unified = unifyCollisionChars(name);
  for (const existing of state.image.topicsByName.keys()) {
    if (existing !== name && unifyCollisionChars(existing) === unified) return existing;
  }
  return null;
}

function newPartitions(
  state: ControllerState,
  topic: CreateTopicsRequestCreatableTopic,
): NewPartitions {
  if (topic.assignments.length > 0) return manualPartitions(state, topic);
  if (topic.replicationFactor < -1 || topic.replicationFactor === 0) {
    return fail(
      ErrorCode.INVALID_REPLICATION_FACTOR,
      "Replication factor must be larger than 0, or -1 to use the default value.",
    );
  }
  if (topic.numPartitions < -1 || topic.numPartitions === 0) {
    return fail(
      ErrorCode.INVALID_PARTITIONS,
      "Number of partitions was set to an invalid non-positive value.",
    );
  }
  const numPartitions =
    topic.numPartitions === -1 ? state.config.number("num.partitions") : topic.numPartitions;
  const replicationFactor =
    topic.replicationFactor === -1
      ? state.config.number("default.replication.factor")
      : topic.replicationFactor;
  if (numPartitions > MAX_RECORDS_PER_OPERATION) {
    return fail(
      ErrorCode.INVALID_PARTITIONS,
      `Unable to create ${numPartitions} partitions: one request may write at most ${MAX_RECORDS_PER_OPERATION} records.`,
    );
  }
  const placement = placeReplicas({
    brokers: state.usableBrokers(),
    numPartitions,
    replicationFactor,
    random: state.identity.random,
  });
  if (!placement.ok) return placement;
  const partitions = placement.assignments.map((replicas) => ({
    replicas,
    isr: initialIsr(state, replicas),
  }));
  if (partitions.some(({ isr }) => isr.length === 0))
    return { ok: false, error: noActiveReplicaError(replicationFactor) };
  return { ok: true, partitions };
}

function manualPartitions(
  state: ControllerState,
  topic: CreateTopicsRequestCreatableTopic,
): NewPartitions {
  if (topic.replicationFactor !== -1) {
    return fail(
      ErrorCode.INVALID_REQUEST,
      "A manual partition assignment was specified, but replication factor was not set to -1.",
    );
  }
  if (topic.numPartitions !== -1) {
    return fail(
      ErrorCode.INVALID_REQUEST,
      "A manual partition assignment was specified, but numPartitions was not set to -1.",
    );
  }
  const byIndex = new Map<number, { replicas: number[]; isr: number[] }>();
  let replicationFactor: number | null = null;
  for (const assignment of topic.assignments) {
    const index = assignment.partitionIndex;
    if (byIndex.has(index))
      return fail(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `Found multiple manual partition assignments for partition ${index}`,
      );
    const problem = manualAssignmentProblem(state, assignment.brokerIds, replicationFactor);
    if (problem !== null) return { ok: false, error: problem };
    replicationFactor = assignment.brokerIds.length;
    const isr = initialIsr(state, assignment.brokerIds);
    if (isr.length === 0) {
      return fail(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `All brokers specified in the manual partition assignment for partition ${index} are fenced or in controlled shutdown.`,
      );
    }
    byIndex.set(index, { replicas: [...assignment.brokerIds], isr });
  }
  const partitions: { replicas: number[]; isr: number[] }[] = [];
  for (let index = 0; index < byIndex.size; index++) {
    const partition = byIndex.get(index);
    if (partition === undefined)
      return fail(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        "partitions should be a consecutive 0-based integer sequence",
      );
    partitions.push(partition);
  }
  return { ok: true, partitions };
}

function fail(code: number, message: string): NewPartitions {
  return { ok: false, error: apiError(code, message) };
}
