/**
 * Leader elections an operator asks for (ElectLeaders, kafka-leader-election.sh) and the
 * controller's periodic check of leadership (unclean elections, preferred-leader rebalance).
 *
 * PREFERRED moves leadership to the partition's first replica when that broker is active and
 * in the ISR. UNCLEAN gives a leaderless partition any live replica, even one outside the
 * ISR (data may be lost). A partition already led as asked gets ELECTION_NOT_NEEDED.
 */
import type { PartitionImage, TopicImage } from "../metadata/metadata-image.ts";
import { NO_LEADER } from "../metadata/metadata-image.ts";
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { ElectLeadersRequest } from "../protocol/generated/messages/elect-leaders-request.ts";
import {
  defaultElectLeadersResponse,
  type ElectLeadersResponse,
  type ElectLeadersResponseReplicaElectionResult,
} from "../protocol/generated/messages/elect-leaders-response.ts";
import { apiError, NO_ERROR, type ApiError } from "./api-error.ts";
import type { ControllerState } from "./controller-state.ts";
import { decided, MAX_RECORDS_PER_OPERATION, type Decision } from "./decision.ts";
import { buildPartitionChange } from "./partition-change.ts";

export const ElectionType = { PREFERRED: 0, UNCLEAN: 1 } as const;

export function decideElectLeaders(
  state: ControllerState,
  request: ElectLeadersRequest,
): Decision<ElectLeadersResponse> {
  const type = request.electionType;
  if (type !== ElectionType.PREFERRED && type !== ElectionType.UNCLEAN) {
    return decided(
      [],
      electLeadersFailure(
        request,
        apiError(ErrorCode.INVALID_REQUEST, `Unknown election type ${type}`),
        state,
      ),
    );
  }
  const records: MetadataRecord[] = [];
  const results: ElectLeadersResponseReplicaElectionResult[] = [];
  if (request.topicPartitions === null) {
    // Every partition; those already led as asked are left out of the answer.
    for (const topic of state.image.topicsById.values()) {
      const partitionResult = [...topic.partitions.keys()]
        .sort((a, b) => a - b)
        .map((partitionId) => ({
          partitionId,
          error: electLeader(state, topic.name, partitionId, type, records),
        }))
        .filter(({ error }) => error.code !== ErrorCode.ELECTION_NOT_NEEDED)
        .map(({ partitionId, error }) => ({
          partitionId,
          errorCode: error.code,
          errorMessage: error.message,
        }));
      results.push({ topic: topic.name, partitionResult });
    }
  } else {
    for (const { topic, partitions } of request.topicPartitions) {
      const partitionResult = partitions.map((partitionId) => {
        const error = electLeader(state, topic, partitionId, type, records);
        return { partitionId, errorCode: error.code, errorMessage: error.message };
      });
      results.push({ topic, partitionResult });
    }
  }
  return decided(records, {
    ...defaultElectLeadersResponse(),
    errorCode: ErrorCode.NONE,
    replicaElectionResults: results,
  });
}

export function electLeadersFailure(
  request: ElectLeadersRequest,
  error: ApiError,
  state?: ControllerState,
): ElectLeadersResponse {
  const requested =
    request.topicPartitions ??
    (state === undefined
      ? []
      : [...state.image.topicsById.values()].map((topic) => ({
          topic: topic.name,
          partitions: [...topic.partitions.keys()],
        })));
  return {
    ...defaultElectLeadersResponse(),
    errorCode: error.code,
    replicaElectionResults: requested.map(({ topic, partitions }) => ({
      topic,
      partitionResult: partitions.map((partitionId) => ({
        partitionId,
        errorCode: error.code,
        errorMessage: error.message,
      })),
    })),
  };
}

function electLeader(
  state: ControllerState,
  topicName: string,
  partitionId: number,
  type: number,
  records: MetadataRecord[],
): ApiError {
  const topic = state.image.topicsByName.get(topicName);
  if (topic === undefined)
    return apiError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `No such topic as ${topicName}`);
  const partition = topic.partitions.get(partitionId);
  if (partition === undefined)
    return apiError(
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      `No such partition as ${topicName}-${partitionId}`,
    );
  const preferred = type === ElectionType.PREFERRED;
  if (
    (preferred && partition.leader === partition.replicas[0]) ||
    (!preferred && partition.leader !== NO_LEADER)
  ) {
    return apiError(ErrorCode.ELECTION_NOT_NEEDED);
  }
  const change = buildPartitionChange({
    partition,
    isAcceptableLeader: (id) => state.isActiveBroker(id),
    election: preferred ? "preferred" : "unclean",
  });
  if (change === null)
    return apiError(
      preferred
        ? ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE
        : ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE,
    );
  records.push({ type: "PartitionChangeRecord", data: change });
  return NO_ERROR;
}

/**
 * The controller's periodic check of leadership, every leader.imbalance.check.interval.seconds:
 * first a leaderless partition whose topic allows unclean.leader.election.enable gets any
 * live replica as leader (the setting may have been turned on after the partition lost its
 * last in-sync replica); then, with auto.leader.rebalance.enable, the preferred-leader
 * rebalance. `more` is true when the bound on elections per run left some for the next run.
 */
export function decideLeaderAdjustments(
  state: ControllerState,
  maxElections = MAX_RECORDS_PER_OPERATION,
): Decision<{ more: boolean }> {
  const records: MetadataRecord[] = [];
  let more = electUncleanLeaders(state, records, maxElections);
  if (!more && state.config.boolean("auto.leader.rebalance.enable")) {
    more = rebalanceLeaders(state, records, maxElections);
  }
  return decided(records, { more });
}

/** Unclean elections for the leaderless partitions that allow them; true when bounded. */
function electUncleanLeaders(
  state: ControllerState,
  records: MetadataRecord[],
  maxElections: number,
): boolean {
  for (const { topic, partition } of state.partitions()) {
    if (partition.leader !== NO_LEADER || !state.uncleanElectionEnabled(topic.name)) continue;
    const change = buildPartitionChange({
      partition,
      isAcceptableLeader: (id) => state.isActiveBroker(id),
      election: "unclean",
    });
    if (change === null || change.leader < 0) continue;
    if (records.length >= maxElections) return true;
    records.push({ type: "PartitionChangeRecord", data: change });
  }
  return false;
}

/**
 * The preferred-leader rebalance: for each broker whose share of preferred partitions it
 * does not lead is above leader.imbalance.per.broker.percentage, give those partitions back
 * to it where it is active and in the ISR. True when bounded.
 */
function rebalanceLeaders(
  state: ControllerState,
  records: MetadataRecord[],
  maxElections: number,
): boolean {
  const allowedRatio = state.config.number("leader.imbalance.per.broker.percentage") / 100;
  const preferredBy = new Map<number, { topic: TopicImage; partition: PartitionImage }[]>();
  for (const entry of state.partitions()) {
    const preferred = entry.partition.replicas[0];
    if (preferred === undefined) continue;
    preferredBy.set(preferred, [...(preferredBy.get(preferred) ?? []), entry]);
  }
  for (const [brokerId, partitions] of [...preferredBy].sort(([a], [b]) => a - b)) {
    const notLed = partitions.filter(({ partition }) => partition.leader !== brokerId);
    if (notLed.length / partitions.length <= allowedRatio || !state.isActiveBroker(brokerId))
      continue;
    for (const { partition } of notLed) {
      if (!partition.isr.includes(brokerId)) continue;
      if (records.length >= maxElections) return true;
      const change = buildPartitionChange({
        partition,
        isAcceptableLeader: (id) => state.isActiveBroker(id),
        election: "preferred",
      });
      if (change !== null && change.leader === brokerId)
        records.push({ type: "PartitionChangeRecord", data: change });
    }
  }
  return false;
}
