/**
 * CreatePartitions as Kafka's ReplicationControlManager decides it: a topic only grows; the
 * new partitions get the topic's replication factor, placed by the striped placer
 * (continuing the topic's stripe) or as the request assigns them.
 */
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type {
  CreatePartitionsRequest,
  CreatePartitionsRequestCreatePartitionsTopic,
} from "../protocol/generated/messages/create-partitions-request.ts";
import {
  defaultCreatePartitionsResponse,
  type CreatePartitionsResponse,
  type CreatePartitionsResponseCreatePartitionsTopicResult,
} from "../protocol/generated/messages/create-partitions-response.ts";
import { apiError, NO_ERROR, type ApiError } from "./api-error.ts";
import type { ControllerState } from "./controller-state.ts";
import { decided, MAX_RECORDS_PER_OPERATION, type Decision } from "./decision.ts";
import {
  initialIsr,
  manualAssignmentProblem,
  noActiveReplicaError,
  partitionRecord,
} from "./partition-assignment.ts";
import { placeReplicas } from "./replica-placer.ts";

export function decideCreatePartitions(
  state: ControllerState,
  request: CreatePartitionsRequest,
): Decision<CreatePartitionsResponse> {
  const counts = new Map<string, number>();
  for (const topic of request.topics) counts.set(topic.name, (counts.get(topic.name) ?? 0) + 1);
  const results: CreatePartitionsResponseCreatePartitionsTopicResult[] = [];
  const records: MetadataRecord[] = [];
  for (const topic of request.topics) {
    if (counts.get(topic.name)! > 1) continue;
    const outcome = createPartitions(state, topic, MAX_RECORDS_PER_OPERATION - records.length);
    if (Array.isArray(outcome)) records.push(...outcome);
    results.push(result(topic.name, Array.isArray(outcome) ? NO_ERROR : outcome));
  }
  for (const [name, count] of counts) {
    if (count > 1)
      results.push(result(name, apiError(ErrorCode.INVALID_REQUEST, "Duplicate topic name.")));
  }
  return decided(request.validateOnly ? [] : records, {
    ...defaultCreatePartitionsResponse(),
    results,
  });
}

export function createPartitionsFailure(
  request: CreatePartitionsRequest,
  error: ApiError,
): CreatePartitionsResponse {
  return {
    ...defaultCreatePartitionsResponse(),
    results: request.topics.map((topic) => result(topic.name, error)),
  };
}

function result(
  name: string,
  error: ApiError,
): CreatePartitionsResponseCreatePartitionsTopicResult {
  return { name, errorCode: error.code, errorMessage: error.message };
}

function createPartitions(
  state: ControllerState,
  request: CreatePartitionsRequestCreatePartitionsTopic,
  recordBudget: number,
): MetadataRecord[] | ApiError {
  const topic = state.image.topicsByName.get(request.name);
  if (topic === undefined) return apiError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  const current = topic.partitions.size;
  if (request.count === current)
    return apiError(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partition(s).`);
  if (request.count < current) {
    return apiError(
      ErrorCode.INVALID_PARTITIONS,
      `The topic ${request.name} currently has ${current} partition(s); ${request.count} would not be an increase.`,
    );
  }
  const additional = request.count - current;
  if (request.assignments !== null && request.assignments.length !== additional) {
    return apiError(
      ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      `Attempted to add ${additional} additional partition(s), but only ${request.assignments.length} assignment(s) were specified.`,
    );
  }
  if (additional > recordBudget) {
    return apiError(
      ErrorCode.INVALID_PARTITIONS,
      `Unable to add ${additional} partitions: one request may write at most ${MAX_RECORDS_PER_OPERATION} records.`,
    );
  }
  const existing = [...topic.partitions.keys()]
    .sort((a, b) => a - b)
    .map((index) => topic.partitions.get(index)!.replicas);
  const replicationFactor = existing[0]?.length ?? 0;
  let assignments: number[][];
  if (request.assignments !== null) {
    assignments = request.assignments.map((assignment) => [...assignment.brokerIds]);
    for (const [i, replicas] of assignments.entries()) {
      const problem = manualAssignmentProblem(state, replicas, replicationFactor);
      if (problem !== null) return problem;
      if (initialIsr(state, replicas).length === 0) {
        return apiError(
          ErrorCode.INVALID_REPLICA_ASSIGNMENT,
          `All brokers specified in the manual partition assignment for partition ${current + i} are fenced or in controlled shutdown.`,
        );
      }
    }
  } else {
    const placement = placeReplicas({
      brokers: state.usableBrokers(),
      numPartitions: additional,
      replicationFactor,
      random: state.identity.random,
      existing,
    });
    if (!placement.ok) return placement.error;
    assignments = placement.assignments;
  }
  const records: MetadataRecord[] = [];
  for (const [i, replicas] of assignments.entries()) {
    const isr = initialIsr(state, replicas);
    if (isr.length === 0) return noActiveReplicaError(replicationFactor);
    records.push(partitionRecord(topic.id, current + i, replicas, isr));
  }
  return records;
}
