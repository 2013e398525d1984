/**
 * What the group leader does between JoinGroup and SyncGroup (Java's
 * ConsumerCoordinator.onLeaderElected): read every member's subscription, fetch metadata
 * for all their topics, run the assignor the coordinator chose, check the cooperative rule
 * (nothing given to one member while another still owns it), and encode each member's
 * share in the oldest ConsumerProtocol version any member spoke.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { JoinGroupResponseJoinGroupResponseMember } from "../../protocol/generated/messages/join-group-response.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { KafkaProtocolError } from "../kafka-error.ts";
import {
  COOPERATIVE_STICKY_ASSIGNOR_NAME,
  decodeConsumerSubscription,
  encodeConsumerAssignment,
  partitionsReassignedWhileOwned,
  type PartitionAssignor,
  type RebalanceProtocol,
  type Subscription,
  type TopicPartition,
} from "./assignors/index.ts";

export interface LeaderAssignment {
  /** Encoded assignment by member id (empty when the coordinator said skipAssignment). */
  assignments: Map<string, Uint8Array>;
  /** Every topic some member subscribes to: the leader watches their partition counts. */
  groupTopics: string[];
  /** Partition counts the assignment was made from (null when it was skipped). */
  partitionCounts: Map<string, number> | null;
}

export async function assignAsLeader(
  cluster: ClientCluster,
  assignors: readonly PartitionAssignor[],
  protocol: RebalanceProtocol,
  protocolName: string,
  members: readonly JoinGroupResponseJoinGroupResponseMember[],
  skipAssignment: boolean,
): Promise<LeaderAssignment> {
  const assignor = assignors.find((candidate) => candidate.name === protocolName);
  if (assignor === undefined) {
    throw new KafkaProtocolError(
      ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
      `Coordinator selected invalid assignment protocol: ${protocolName}`,
    );
  }
  const subscriptions = new Map<string, Subscription>();
  let version = Number.MAX_SAFE_INTEGER;
  for (const member of members) {
    const decoded = decodeConsumerSubscription(member.metadata);
    if (!decoded.ok) {
      throw new KafkaProtocolError(
        ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
        `member ${member.memberId}: ${decoded.error.message}`,
      );
    }
    const { version: memberVersion, ...fields } = decoded.value;
    version = Math.min(version, memberVersion);
    subscriptions.set(member.memberId, {
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      ...fields,
    });
  }
  const groupTopics = [...new Set([...subscriptions.values()].flatMap((s) => s.topics))].sort();
  // KIP-814: a static leader rejoining keeps the assignment; it does not run the assignor.
  if (skipAssignment) return { assignments: new Map(), groupTopics, partitionCounts: null };

  const metadata = await cluster.refreshMetadata(groupTopics);
  const partitionCounts = new Map<string, number>();
  for (const topic of groupTopics) {
    const info = metadata.topics.get(topic);
    if (info !== undefined && info.errorCode === ErrorCode.NONE && info.partitions.length > 0) {
      partitionCounts.set(topic, info.partitions.length);
    }
  }
  const assignment = assignor.assign(partitionCounts, subscriptions);
  if (protocol === "cooperative" && assignor.name !== COOPERATIVE_STICKY_ASSIGNOR_NAME) {
    const owned = new Map<string, readonly TopicPartition[]>(
      [...subscriptions].map(([memberId, subscription]) => [
        memberId,
        subscription.ownedPartitions,
      ]),
    );
    const violating = partitionsReassignedWhileOwned(owned, assignment);
    if (violating.length > 0) {
      throw new KafkaProtocolError(
        ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
        `Assignor supporting the COOPERATIVE protocol violates its requirements: ${violating
          .map(({ topic, partition }) => `${topic}-${partition}`)
          .join(", ")}`,
      );
    }
  }
  const assignments = new Map<string, Uint8Array>();
  for (const memberId of subscriptions.keys()) {
    const partitions = assignment.get(memberId) ?? [];
    assignments.set(memberId, encodeConsumerAssignment({ partitions, userData: null }, version));
  }
  return { assignments, groupTopics, partitionCounts };
}
