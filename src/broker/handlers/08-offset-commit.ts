/**
 * OffsetCommit (key 8): a group's committed positions, written to __consumer_offsets with
 * acks=all and answered once they are below its HW (see group/offset-commit.ts). v2-v4
 * may ask for a retention time of their own, v6+ carry each offset's leader epoch, v7+
 * group.instance.id, v9 answers GROUP_ID_NOT_FOUND instead of ILLEGAL_GENERATION for a
 * group that does not exist. A topic the cluster does not have is
 * UNKNOWN_TOPIC_OR_PARTITION. v0-v1 are gone from Kafka 4 (KIP-896) and not offered.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { OffsetCommitRequest } from "../../protocol/generated/messages/offset-commit-request.ts";
import {
  defaultOffsetCommitResponse,
  type OffsetCommitResponse,
} from "../../protocol/generated/messages/offset-commit-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import type { PartitionCommit } from "../group/offset-commit.ts";

export const offsetCommitHandler = defineHandler<
  OffsetCommitRequest,
  OffsetCommitResponse,
  BrokerServices
>({
  apiKey: ApiKey.OffsetCommit,
  minVersion: 2,
  maxVersion: 9,
  async handle(request, { services, meta }) {
    const image = services.image();
    const entries = request.topics.flatMap((topic) =>
      topic.partitions.map((p) => ({
        commit: {
          topic: topic.name,
          partition: p.partitionIndex,
          offset: p.committedOffset,
          leaderEpoch: p.committedLeaderEpoch,
          metadata: p.committedMetadata,
        } satisfies PartitionCommit,
        errorCode: image.topicsByName.has(topic.name)
          ? (ErrorCode.NONE as number)
          : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      })),
    );
    const toCommit = entries.filter((entry) => entry.errorCode === ErrorCode.NONE);
    const coordinator = services.groups;
    const errors =
      coordinator === undefined
        ? toCommit.map(() => ErrorCode.COORDINATOR_NOT_AVAILABLE)
        : await coordinator.commitOffsets({
            groupId: request.groupId,
            generationId: request.generationIdOrMemberEpoch,
            memberId: request.memberId,
            groupInstanceId: request.groupInstanceId,
            apiVersion: meta.apiVersion,
            retentionTimeMs: request.retentionTimeMs,
            partitions: toCommit.map((entry) => entry.commit),
          });
    toCommit.forEach((entry, index) => (entry.errorCode = errors[index]!));
    const response = defaultOffsetCommitResponse();
    for (const { commit, errorCode } of entries) {
      let topic = response.topics.find((t) => t.name === commit.topic);
      if (topic === undefined)
        response.topics.push((topic = { name: commit.topic, partitions: [] }));
      topic.partitions.push({ partitionIndex: commit.partition, errorCode });
    }
    return response;
  },
});
