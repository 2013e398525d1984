/**
 * AlterPartition: a partition leader asks to shrink or expand its ISR (or to mark itself
 * recovered after an unclean election). Kafka's checks, in order: the partition exists, the
 * request's leader and partition epochs are not ahead of ours (NOT_CONTROLLER: we may be a
 * stale controller) nor behind (FENCED_LEADER_EPOCH, INVALID_UPDATE_VERSION), it comes from
 * the leader, the ISR is made of distinct replicas and keeps the leader, and every member is
 * a live, unfenced broker at the stated epoch (INELIGIBLE_REPLICA). The answer carries the
 * partition's new state, whose partition epoch the leader sends next time.
 */
import type { PartitionImage, TopicImage } from "../metadata/metadata-image.ts";
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type {
  AlterPartitionRequest,
  AlterPartitionRequestPartitionData,
} from "../protocol/generated/messages/alter-partition-request.ts";
import {
  defaultAlterPartitionResponse,
  defaultAlterPartitionResponsePartitionData,
  type AlterPartitionResponse,
  type AlterPartitionResponsePartitionData,
} from "../protocol/generated/messages/alter-partition-response.ts";
import { ZERO_UUID } from "../protocol/primitives/uuid.ts";
import { staleBrokerEpoch } from "./broker-registration.ts";
import type { ControllerState } from "./controller-state.ts";
import { decided, type Decision } from "./decision.ts";
import { buildPartitionChange, LeaderRecoveryState } from "./partition-change.ts";

export function decideAlterPartition(
  state: ControllerState,
  request: AlterPartitionRequest,
  version: number,
): Decision<AlterPartitionResponse> {
  if (staleBrokerEpoch(state, request.brokerId, request.brokerEpoch)) {
    return decided([], alterPartitionFailure(ErrorCode.STALE_BROKER_EPOCH));
  }
  const records: MetadataRecord[] = [];
  // Answers are read from the image after the records are applied.
  const answers: {
    topicName: string;
    topicId: string;
    partitions: (() => AlterPartitionResponsePartitionData)[];
  }[] = [];
  for (const topicData of request.topics) {
    const topic =
      version > 1
        ? state.image.topicsById.get(topicData.topicId)
        : state.image.topicsByName.get(topicData.topicName);
    const partitions: (() => AlterPartitionResponsePartitionData)[] = [];
    answers.push({ topicName: topicData.topicName, topicId: topicData.topicId, partitions });
    for (const data of topicData.partitions) {
      if (topic === undefined || topic.id === ZERO_UUID) {
        const errorCode =
          version > 1 ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        partitions.push(() => partitionError(data.partitionIndex, errorCode));
        continue;
      }
      const partition = topic.partitions.get(data.partitionIndex);
      const newIsr =
        version >= 3
          ? data.newIsrWithEpochs
          : data.newIsr.map((brokerId) => ({ brokerId, brokerEpoch: -1n }));
      const errorCode =
        partition === undefined
          ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION
          : validate(state, request.brokerId, partition, data, newIsr, version);
      if (partition === undefined || errorCode !== ErrorCode.NONE) {
        partitions.push(() => partitionError(data.partitionIndex, errorCode));
        continue;
      }
      const change = buildPartitionChange({
        partition,
        isAcceptableLeader: (id) => state.isActiveBroker(id),
        election: state.uncleanElectionEnabled(topic.name) ? "unclean" : "online",
        targetIsr: newIsr.map((member) => member.brokerId),
        targetLeaderRecoveryState: data.leaderRecoveryState,
      });
      if (change !== null) records.push({ type: "PartitionChangeRecord", data: change });
      if (change !== null && change.leader !== -2 && change.leader !== request.brokerId) {
        // The change moved leadership away from the requester: it must refresh its metadata.
        const moved = version > 1 ? ErrorCode.NEW_LEADER_ELECTED : ErrorCode.FENCED_LEADER_EPOCH;
        partitions.push(() => partitionError(data.partitionIndex, moved));
      } else {
        partitions.push(() => partitionState(topic, data.partitionIndex));
      }
    }
  }
  return {
    records,
    respond: () => ({
      ...defaultAlterPartitionResponse(),
      topics: answers.map(({ topicName, topicId, partitions }) => ({
        topicName,
        topicId,
        partitions: partitions.map((answer) => answer()),
      })),
    }),
  };
}

export function alterPartitionFailure(errorCode: number): AlterPartitionResponse {
  return { ...defaultAlterPartitionResponse(), errorCode, topics: [] };
}

function partitionError(
  partitionIndex: number,
  errorCode: number,
): AlterPartitionResponsePartitionData {
  return { ...defaultAlterPartitionResponsePartitionData(), partitionIndex, errorCode };
}

function partitionState(
  topic: TopicImage,
  partitionIndex: number,
): AlterPartitionResponsePartitionData {
  const partition = topic.partitions.get(partitionIndex)!;
  return {
    ...defaultAlterPartitionResponsePartitionData(),
    partitionIndex,
    errorCode: ErrorCode.NONE,
    leaderId: partition.leader,
    leaderEpoch: partition.leaderEpoch,
    isr: [...partition.isr],
    leaderRecoveryState: partition.leaderRecoveryState,
    partitionEpoch: partition.partitionEpoch,
  };
}

function validate(
  state: ControllerState,
  brokerId: number,
  partition: PartitionImage,
  data: AlterPartitionRequestPartitionData,
  newIsr: readonly { brokerId: number; brokerEpoch: bigint }[],
  version: number,
): number {
  // A leader ahead of us has heard from a newer controller.
  if (data.leaderEpoch > partition.leaderEpoch || data.partitionEpoch > partition.partitionEpoch)
    return ErrorCode.NOT_CONTROLLER;
  if (data.leaderEpoch < partition.leaderEpoch) return ErrorCode.FENCED_LEADER_EPOCH;
  if (brokerId !== partition.leader) return ErrorCode.INVALID_REQUEST;
  if (data.partitionEpoch < partition.partitionEpoch) return ErrorCode.INVALID_UPDATE_VERSION;
  const ids = newIsr.map((member) => member.brokerId);
  const distinctReplicas =
    new Set(ids).size === ids.length && ids.every((id) => partition.replicas.includes(id));
  if (!distinctReplicas || !ids.includes(partition.leader)) return ErrorCode.INVALID_REQUEST;
  if (data.leaderRecoveryState === LeaderRecoveryState.RECOVERING && ids.length > 1)
    return ErrorCode.INVALID_REQUEST;
  if (
    partition.leaderRecoveryState === LeaderRecoveryState.RECOVERED &&
    data.leaderRecoveryState === LeaderRecoveryState.RECOVERING
  ) {
    return ErrorCode.INVALID_REQUEST;
  }
  const ineligible = newIsr.some((member) => {
    const registration = state.image.brokers.get(member.brokerId);
    if (registration === undefined || registration.inControlledShutdown || registration.fenced)
      return true;
    if (state.heartbeats.isShuttingDown(member.brokerId)) return true;
    return member.brokerEpoch !== -1n && member.brokerEpoch !== registration.epoch;
  });
  if (ineligible)
    return version > 1 ? ErrorCode.INELIGIBLE_REPLICA : ErrorCode.OPERATION_NOT_ATTEMPTED;
  return ErrorCode.NONE;
}
