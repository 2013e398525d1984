/**
 * DeleteTopics as Kafka's ControllerApis decides it: topics by name (v0-5, and v6 entries
 * without an id) or by id (v6+), each deleted with a RemoveTopicRecord (which also drops
 * its configs). Unknown names get UNKNOWN_TOPIC_OR_PARTITION, unknown ids UNKNOWN_TOPIC_ID;
 * malformed entries (neither or both, duplicates) get INVALID_REQUEST. With
 * delete.topic.enable=false nothing is deleted.
 */
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { DeleteTopicsRequest } from "../protocol/generated/messages/delete-topics-request.ts";
import {
  defaultDeleteTopicsResponse,
  type DeleteTopicsResponse,
  type DeleteTopicsResponseDeletableTopicResult,
} from "../protocol/generated/messages/delete-topics-response.ts";
import { ZERO_UUID, type Uuid } from "../protocol/primitives/uuid.ts";
import { apiError, NO_ERROR, type ApiError } from "./api-error.ts";
import type { ControllerState } from "./controller-state.ts";
import { decided, type Decision } from "./decision.ts";

export function decideDeleteTopics(
  state: ControllerState,
  request: DeleteTopicsRequest,
  version: number,
): Decision<DeleteTopicsResponse> {
  if (!state.config.boolean("delete.topic.enable")) {
    // Versions before 3 have no TOPIC_DELETION_DISABLED.
    const error =
      version < 3
        ? apiError(ErrorCode.INVALID_REQUEST, "Topic deletion is disabled.")
        : apiError(ErrorCode.TOPIC_DELETION_DISABLED);
    return decided([], deleteTopicsFailure(request, error));
  }
  const responses: DeleteTopicsResponseDeletableTopicResult[] = [];
  const answer = (name: string | null, topicId: Uuid, error: ApiError) =>
    responses.push({ name, topicId, errorCode: error.code, errorMessage: error.message });

  const names = new UniqueCollector<string>();
  const ids = new UniqueCollector<Uuid>();
  for (const name of request.topicNames) names.add(name);
  for (const topic of request.topics) {
    if (topic.name === null && topic.topicId === ZERO_UUID) {
      answer(
        null,
        ZERO_UUID,
        apiError(ErrorCode.INVALID_REQUEST, "Neither topic name nor id were specified."),
      );
    } else if (topic.name === null) ids.add(topic.topicId);
    else if (topic.topicId === ZERO_UUID) names.add(topic.name);
    else
      answer(
        topic.name,
        topic.topicId,
        apiError(ErrorCode.INVALID_REQUEST, "You may not specify both topic name and topic id."),
      );
  }
  for (const name of names.duplicates)
    answer(name, ZERO_UUID, apiError(ErrorCode.INVALID_REQUEST, "Duplicate topic name."));
  for (const id of ids.duplicates)
    answer(null, id, apiError(ErrorCode.INVALID_REQUEST, "Duplicate topic id."));

  const toDelete = new Map<Uuid, string>();
  for (const id of ids.unique) {
    const topic = state.image.topicsById.get(id);
    if (topic === undefined) answer(null, id, apiError(ErrorCode.UNKNOWN_TOPIC_ID));
    else toDelete.set(id, topic.name);
  }
  for (const name of names.unique) {
    const topic = state.image.topicsByName.get(name);
    if (topic === undefined)
      answer(name, ZERO_UUID, apiError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
    else if (toDelete.has(topic.id)) {
      toDelete.delete(topic.id);
      answer(
        name,
        topic.id,
        apiError(
          ErrorCode.INVALID_REQUEST,
          "The provided topic name maps to an ID that was already supplied.",
        ),
      );
    } else toDelete.set(topic.id, name);
  }
  const records: MetadataRecord[] = [];
  for (const [topicId, name] of toDelete) {
    records.push({ type: "RemoveTopicRecord", data: { topicId } });
    answer(name, topicId, NO_ERROR);
  }
  return decided(records, { ...defaultDeleteTopicsResponse(), responses });
}

export function deleteTopicsFailure(
  request: DeleteTopicsRequest,
  error: ApiError,
): DeleteTopicsResponse {
  const entries = [
    ...request.topicNames.map((name) => ({ name: name as string | null, topicId: ZERO_UUID })),
    ...request.topics.map(({ name, topicId }) => ({ name, topicId })),
  ];
  return {
    ...defaultDeleteTopicsResponse(),
    responses: entries.map(({ name, topicId }) => ({
      name,
      topicId,
      errorCode: error.code,
      errorMessage: error.message,
    })),
  };
}

/** Values seen once, and values seen more than once (which are refused entirely). */
class UniqueCollector<T> {
  readonly unique = new Set<T>();
  readonly duplicates = new Set<T>();

  add(value: T): void {
    if (this.duplicates.has(value)) return;
    if (this.unique.delete(value)) this.duplicates.add(value);
    else this.unique.add(value);
  }
}
