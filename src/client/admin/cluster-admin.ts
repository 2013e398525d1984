/**
 * The cluster as a whole: its brokers and controller (DescribeCluster, as Kafka's
 * AdminClient asks), the KRaft metadata quorum (DescribeQuorum, what kafka-metadata-quorum
 * describe prints; brokers forward it to the active controller), and leader elections
 * (ElectLeaders, what kafka-leader-election runs).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeClusterResponse } from "../../protocol/generated/messages/describe-cluster-response.ts";
import type {
  DescribeQuorumResponse,
  DescribeQuorumResponseReplicaState,
} from "../../protocol/generated/messages/describe-quorum-response.ts";
import type { ElectLeadersResponse } from "../../protocol/generated/messages/elect-leaders-response.ts";
import { UnsupportedVersionError } from "../cluster/broker-connection.ts";
import { AdminProtocolError, requireArgument } from "./admin-error.ts";
import { deadlineAfter, retrying, type AdminContext } from "./admin-retry.ts";
import { DEFAULT_OPERATION_TIMEOUT_MS, sendToAny, sendToController } from "./admin-routing.ts";
import {
  ElectionType,
  type ClusterDescription,
  type ElectLeadersOptions,
  type ElectionResult,
  type QuorumInfo,
  type QuorumReplica,
} from "./admin-types.ts";

/** DescribeCluster's endpoint type for the brokers' listener. */
const BROKER_ENDPOINT_TYPE = 1;
const METADATA_TOPIC = "__cluster_metadata";

/** The brokers, the controller clients should send controller requests to, and the cluster id. */
export async function describeCluster(context: AdminContext): Promise<ClusterDescription> {
  const deadlineMs = deadlineAfter(context);
  return retrying(context, deadlineMs, async () => {
    try {
      const { response } = await sendToAny<DescribeClusterResponse>(
        context,
        deadlineMs,
        ApiKey.DescribeCluster,
        { includeClusterAuthorizedOperations: false, endpointType: BROKER_ENDPOINT_TYPE },
      );
      if (response.errorCode !== ErrorCode.NONE) {
        throw new AdminProtocolError(response.errorCode, {}, response.errorMessage);
      }
      return {
        brokers: response.brokers.map(({ brokerId, host, port, rack }) => ({
          nodeId: brokerId,
          host,
          port,
          rack,
        })),
        controller: response.controllerId < 0 ? null : response.controllerId,
        clusterId: response.clusterId,
      };
    } catch (error) {
      if (!(error instanceof UnsupportedVersionError)) throw error;
      // A broker older than DescribeCluster (Kafka 2.8): Metadata says the same.
      const metadata = await context.cluster.refreshMetadata([]);
      return {
        brokers: [...metadata.brokers.values()],
        controller: metadata.controllerId < 0 ? null : metadata.controllerId,
        clusterId: metadata.clusterId ?? "",
      };
    }
  });
}

function replica(state: DescribeQuorumResponseReplicaState): QuorumReplica {
  const timestamp = (value: bigint) => (value < 0n ? null : Number(value));
  return {
    replicaId: state.replicaId,
    logEndOffset: String(state.logEndOffset),
    lastFetchTimestamp: timestamp(state.lastFetchTimestamp),
    lastCaughtUpTimestamp: timestamp(state.lastCaughtUpTimestamp),
  };
}

/** The metadata quorum: its leader and epoch, high watermark, and each voter's and observer's progress. */
export async function describeQuorum(context: AdminContext): Promise<QuorumInfo> {
  const deadlineMs = deadlineAfter(context);
  return retrying(context, deadlineMs, async () => {
    const { response } = await sendToAny<DescribeQuorumResponse>(
      context,
      deadlineMs,
      ApiKey.DescribeQuorum,
      { topics: [{ topicName: METADATA_TOPIC, partitions: [{ partitionIndex: 0 }] }] },
    );
    const subject = { topic: METADATA_TOPIC, partition: 0 };
    if (response.errorCode !== ErrorCode.NONE) {
      throw new AdminProtocolError(response.errorCode, subject, response.errorMessage);
    }
    const partition = response.topics
      .find((topic) => topic.topicName === METADATA_TOPIC)
      ?.partitions.find((each) => each.partitionIndex === 0);
    if (partition === undefined) {
      throw new AdminProtocolError(ErrorCode.UNKNOWN_SERVER_ERROR, subject, "no answer");
    }
    if (partition.errorCode !== ErrorCode.NONE) {
      throw new AdminProtocolError(partition.errorCode, subject, partition.errorMessage);
    }
    return {
      leaderId: partition.leaderId,
      leaderEpoch: partition.leaderEpoch,
      highWatermark: String(partition.highWatermark),
      voters: partition.currentVoters.map(replica),
      observers: partition.observers.map(replica),
    };
  });
}

/**
 * Runs a preferred (default) or unclean leader election for the named partitions (default:
 * every partition). Each partition's result says whether its election ran; ELECTION_NOT_NEEDED
 * means its preferred replica already leads.
 */
export async function electLeaders(
  context: AdminContext,
  options: ElectLeadersOptions = {},
): Promise<ElectionResult[]> {
  const { topicPartitions, electionType = ElectionType.PREFERRED, timeout } = options;
  requireArgument(
    electionType === ElectionType.PREFERRED || electionType === ElectionType.UNCLEAN,
    `Invalid election type ${electionType}`,
  );
  requireArgument(
    topicPartitions === undefined || Array.isArray(topicPartitions),
    `Invalid topicPartitions ${String(topicPartitions)}`,
  );
  const deadlineMs = deadlineAfter(context, timeout);
  const response = await retrying(context, deadlineMs, async (attemptNumber) => {
    const { response } = await sendToController<ElectLeadersResponse>(
      context,
      deadlineMs,
      attemptNumber,
      ApiKey.ElectLeaders,
      {
        electionType,
        topicPartitions: topicPartitions ?? null,
        timeoutMs: timeout ?? DEFAULT_OPERATION_TIMEOUT_MS,
      },
    );
    if (response.errorCode !== ErrorCode.NONE) {
      throw new AdminProtocolError(response.errorCode, {}, "leader election");
    }
    return response;
  });
  return response.replicaElectionResults.flatMap(({ topic, partitionResult }) =>
    partitionResult.map(({ partitionId, errorCode, errorMessage }) => ({
      topic,
      partition: partitionId,
      error:
        errorCode === ErrorCode.NONE
          ? null
          : new AdminProtocolError(errorCode, { topic, partition: partitionId }, errorMessage),
    })),
  );
}
