/**
 * Metadata (key 3): brokers, topics, partitions, leaders, ISRs — answered from the
 * broker's replayed metadata image, as KRaft brokers do. A topic that does not exist is
 * created when the client allows it and auto.create.topics.enable is on (the broker asks
 * the controller and answers LEADER_NOT_AVAILABLE until the new topic's leaders are
 * known), else UNKNOWN_TOPIC_OR_PARTITION. The "controller" named to clients is a random
 * live broker, since in KRaft clients never talk to the controller quorum.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { CreateTopicsResponse } from "../../protocol/generated/messages/create-topics-response.ts";
import type { MetadataRequest } from "../../protocol/generated/messages/metadata-request.ts";
import {
  defaultMetadataResponse,
  defaultMetadataResponseMetadataResponseTopic,
  type MetadataResponse,
  type MetadataResponseMetadataResponseTopic,
} from "../../protocol/generated/messages/metadata-response.ts";
import { ZERO_UUID } from "../../protocol/codec-runtime.ts";
import { BROKER_LISTENER } from "../../client/node-requester.ts";
import type { MetadataImage, TopicImage } from "../../metadata/metadata-image.ts";
import { INTERNAL_TOPICS, topicNameProblem } from "../../metadata/topic-name.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";

const AUTHORIZED_OPERATIONS_OMITTED = -2147483648;
/** The CreateTopics version auto-creation sends to the controller. */
const CREATE_TOPICS_VERSION = 7;

export const metadataHandler = defineHandler<MetadataRequest, MetadataResponse, BrokerServices>({
  apiKey: ApiKey.Metadata,
  minVersion: 0,
  maxVersion: 12,
  handle(request, { services, meta }) {
    const image = services.image();
    const version = meta.apiVersion;
    const response = defaultMetadataResponse();
    response.clusterId = services.clusterId;
    response.brokers = image
      .liveEndpoints(BROKER_LISTENER)
      .map(({ id, host, port, rack }) => ({ nodeId: id, host, port, rack }));
    const live = response.brokers.map((broker) => broker.nodeId);
    response.controllerId =
      live.length === 0 ? -1 : live[Math.floor(services.random() * live.length)]!;
    response.clusterAuthorizedOperations = AUTHORIZED_OPERATIONS_OMITTED;
    // v0: an empty list means every topic; v1+: null means every topic.
    const all = request.topics === null || (version === 0 && request.topics.length === 0);
    if (all) {
      response.topics = [...image.topicsByName.values()]
        .filter((topic) => topic.name !== "__cluster_metadata")
        .map((topic) => describeTopic(image, topic));
      return response;
    }
    const allowAutoCreate =
      (version < 4 || request.allowAutoTopicCreation) &&
      services.config.boolean("auto.create.topics.enable");
    const toCreate: string[] = [];
    for (const wanted of request.topics!) {
      const byId = wanted.topicId !== ZERO_UUID ? image.topicsById.get(wanted.topicId) : undefined;
      const name = wanted.name ?? byId?.name ?? null;
      const topic = byId ?? (name === null ? undefined : image.topicsByName.get(name));
      if (topic !== undefined) {
        response.topics.push(describeTopic(image, topic));
        continue;
      }
      if (name === null) {
        response.topics.push(missing(null, wanted.topicId, ErrorCode.UNKNOWN_TOPIC_ID));
      } else if (topicNameProblem(name) !== null) {
        response.topics.push(missing(name, ZERO_UUID, ErrorCode.INVALID_TOPIC_EXCEPTION));
      } else if (allowAutoCreate) {
        toCreate.push(name);
        response.topics.push(missing(name, ZERO_UUID, ErrorCode.LEADER_NOT_AVAILABLE));
      } else {
        response.topics.push(missing(name, ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
      }
    }
    if (toCreate.length > 0) autoCreate(services, toCreate);
    return response;
  },
});

function describeTopic(
  image: MetadataImage,
  topic: TopicImage,
): MetadataResponseMetadataResponseTopic {
  const partitions = [...topic.partitions.values()]
    .sort((a, b) => a.partition - b.partition)
    .map((p) => {
      const offline = p.replicas.filter((id) => image.brokers.get(id)?.fenced !== false);
      return {
        errorCode: p.leader === -1 ? ErrorCode.LEADER_NOT_AVAILABLE : ErrorCode.NONE,
        partitionIndex: p.partition,
        leaderId: p.leader,
        leaderEpoch: p.leaderEpoch,
        replicaNodes: [...p.replicas],
        isrNodes: [...p.isr],
        offlineReplicas: offline,
      };
    });
  return {
    ...defaultMetadataResponseMetadataResponseTopic(),
    errorCode: ErrorCode.NONE,
    name: topic.name,
    topicId: topic.id,
    isInternal: INTERNAL_TOPICS.has(topic.name),
    partitions,
    topicAuthorizedOperations: AUTHORIZED_OPERATIONS_OMITTED,
  };
}

function missing(
  name: string | null,
  topicId: string,
  errorCode: number,
): MetadataResponseMetadataResponseTopic {
  return {
    ...defaultMetadataResponseMetadataResponseTopic(),
    errorCode,
    name,
    topicId,
    topicAuthorizedOperations: AUTHORIZED_OPERATIONS_OMITTED,
  };
}

/** Ask the controller for the topics with the broker's defaults; the client retries Metadata. */
function autoCreate(services: BrokerServices, names: string[]): void {
  const request = {
    topics: names.map((name) => ({
      name,
      numPartitions: -1,
      replicationFactor: -1,
      assignments: [],
      configs: [],
    })),
    timeoutMs: services.config.number("request.timeout.ms"),
    validateOnly: false,
  };
  services.controller
    .request<CreateTopicsResponse>(
      ApiKey.CreateTopics,
      CREATE_TOPICS_VERSION,
      request,
      request.timeoutMs,
    )
    .catch((error: Error) => {
      services.telemetry.emit({
        kind: "error",
        node: services.nodeId,
        where: "auto topic creation",
        message: error.message,
      });
    });
}
