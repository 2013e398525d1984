/**
 * FindCoordinator's answer for a group (Kafka's KafkaApis.getCoordinator): the leader of the
 * group's __consumer_offsets partition, from this broker's metadata image — any broker can
 * answer. While the topic does not exist the broker asks the controller to create it
 * (offsets.topic.num.partitions, offsets.topic.replication.factor, compacted) and answers
 * COORDINATOR_NOT_AVAILABLE, as it does while the partition has no live leader. Since
 * Kafka 0.11 (KIP-115) the replication factor is not lowered to fit the brokers alive:
 * with fewer brokers the controller refuses the topic and clients keep retrying until
 * enough brokers have registered.
 */
import { BROKER_LISTENER } from "../../client/node-requester.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { CreateTopicsResponse } from "../../protocol/generated/messages/create-topics-response.ts";
import type { MetadataImage } from "../../metadata/metadata-image.ts";
import type { ControllerChannel } from "../controller-channel.ts";
import type { GroupCoordinatorConfig } from "./group-coordinator-config.ts";
import type { GroupEvents } from "./group-events.ts";
import { OFFSETS_TOPIC, offsetsPartitionFor, offsetsTopicConfigs } from "./offsets-topic.ts";

/** The CreateTopics version the broker speaks to the controller (as Metadata's auto-creation). */
const CREATE_TOPICS_VERSION = 7;

export interface CoordinatorLocation {
  errorCode: number;
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
}

export function noCoordinator(
  errorCode: number,
  errorMessage: string | null = null,
): CoordinatorLocation {
  return { errorCode, errorMessage, nodeId: -1, host: "", port: -1 };
}

export class CoordinatorLocator {
  private creating = false;
  private lastCreationProblem: string | null = null;

  constructor(
    private readonly image: () => MetadataImage,
    private readonly controller: ControllerChannel,
    private readonly config: GroupCoordinatorConfig,
    private readonly requestTimeoutMs: () => number,
    private readonly events: GroupEvents,
  ) {}

  locate(groupId: string): CoordinatorLocation {
    const image = this.image();
    const topic = image.topicsByName.get(OFFSETS_TOPIC);
    if (topic === undefined || topic.partitions.size === 0) {
      this.createOffsetsTopic();
      return noCoordinator(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    }
    const partition = topic.partitions.get(offsetsPartitionFor(groupId, topic.partitions.size));
    const leader = partition === undefined ? undefined : image.brokers.get(partition.leader);
    const endpoint = leader?.endpoints.find((e) => e.name === BROKER_LISTENER);
    if (leader === undefined || leader.fenced || endpoint === undefined)
      return noCoordinator(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    return {
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      nodeId: leader.id,
      host: endpoint.host,
      port: endpoint.port,
    };
  }

  /** One creation request at a time; clients retry FindCoordinator meanwhile. */
  private createOffsetsTopic(): void {
    if (this.creating) return;
    this.creating = true;
    const timeoutMs = this.requestTimeoutMs();
    const request = {
      topics: [
        {
          name: OFFSETS_TOPIC,
          numPartitions: this.config.offsetsTopicPartitions,
          replicationFactor: this.config.offsetsTopicReplicationFactor,
          assignments: [],
          configs: Object.entries(offsetsTopicConfigs(this.config)).map(([name, value]) => ({
            name,
            value,
          })),
        },
      ],
      timeoutMs,
      validateOnly: false,
    };
    this.controller
      .request<CreateTopicsResponse>(ApiKey.CreateTopics, CREATE_TOPICS_VERSION, request, timeoutMs)
      .then((response) => {
        const result = response.topics[0];
        if (result === undefined || result.errorCode === ErrorCode.NONE) return;
        if (result.errorCode === ErrorCode.TOPIC_ALREADY_EXISTS) return;
        this.report(result.errorMessage ?? "the controller refused the topic", result.errorCode);
      })
      .catch((error: unknown) =>
        this.report(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => (this.creating = false));
  }

  /** Tell the operator why the topic is not there — once per distinct reason. */
  private report(message: string, errorCode?: number): void {
    if (message === this.lastCreationProblem) return;
    this.lastCreationProblem = message;
    this.events.error(`creating ${OFFSETS_TOPIC}`, message, errorCode);
  }
}
