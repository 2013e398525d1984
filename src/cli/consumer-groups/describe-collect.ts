/**
 * What kafka-consumer-groups --describe gathers per group, as ConsumerGroupService's
 * collectGroupsOffsets, collectGroupsMembers and collectGroupsState do: the partitions each
 * member is assigned (members with the most partitions first) with the group's committed
 * offset, the log-end offset and the lag, then the committed partitions nobody is
 * assigned; or each member with its assignment; or the group's coordinator, assignor,
 * state and member count.
 */
import type { GroupDescription, GroupState } from "../../client/admin/admin-types.ts";
import { findCoordinator, type Coordinator } from "../../client/cluster/find-coordinator.ts";
import type { AdminSession } from "../framework/admin-session.ts";
import { adminCall } from "../framework/admin-failures.ts";
import {
  LATEST,
  byTopicThenPartition,
  committedOffsets,
  describeGroups,
  logOffsets,
  memberAssignment,
  partitionName,
  topicPartitions,
  type TopicPartition,
} from "./group-reads.ts";

export interface PartitionAssignmentState {
  group: string;
  topic: string;
  partition: number;
  /** The committed offset, null when there is none. */
  offset: bigint | null;
  logEndOffset: bigint | null;
  lag: bigint | null;
  /** Null where Kafka prints "-": a committed partition no member is assigned. */
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
}

export interface GroupOffsets {
  groupId: string;
  state: GroupState;
  rows: PartitionAssignmentState[];
}

export interface MemberAssignmentState {
  group: string;
  consumerId: string;
  host: string;
  clientId: string;
  groupInstanceId: string;
  assignment: TopicPartition[];
}

export interface GroupMembers {
  groupId: string;
  state: GroupState;
  members: MemberAssignmentState[];
}

export interface GroupInformation {
  groupId: string;
  coordinator: Coordinator;
  assignmentStrategy: string;
  state: GroupState;
  numMembers: number;
}

const byGroupId = (a: { groupId: string }, b: { groupId: string }) =>
  a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0;

export async function collectGroupsOffsets(
  session: AdminSession,
  groupIds: readonly string[],
): Promise<GroupOffsets[]> {
  const groups = await describeGroups(session, groupIds);
  const metadata = await topicPartitions(session);
  const collected: GroupOffsets[] = [];
  for (const group of [...groups].sort(byGroupId)) {
    // A group that does not exist (Dead) has no offsets to ask for.
    const committed =
      group.state === "Dead" ? new Map() : await committedOffsets(session, group.groupId);
    const rows: PartitionAssignmentState[] = [];
    const assigned = new Set<string>();
    const describe = async (
      partitions: TopicPartition[],
      member: { consumerId: string; host: string; clientId: string } | null,
    ) => {
      const ends = await logOffsets(session, partitions, LATEST, metadata);
      for (const tp of [...partitions].sort(byTopicThenPartition)) {
        const offset = committed.get(partitionName(tp))?.offset ?? null;
        const logEndOffset = ends.get(partitionName(tp)) ?? null;
        rows.push({
          group: group.groupId,
          ...tp,
          offset,
          logEndOffset,
          lag: offset !== null && logEndOffset !== null ? logEndOffset - offset : null,
          consumerId: member?.consumerId ?? null,
          host: member?.host ?? null,
          clientId: member?.clientId ?? null,
        });
      }
    };
    const members = group.members
      .map((member) => ({ member, partitions: memberAssignment(member.memberAssignment) }))
      .filter(({ partitions }) => partitions.length > 0)
      .sort((a, b) => b.partitions.length - a.partitions.length);
    for (const { member, partitions } of members) {
      for (const tp of partitions) assigned.add(partitionName(tp));
      await describe(partitions, {
        consumerId: member.memberId,
        host: member.clientHost,
        clientId: member.clientId,
      });
    }
    const unassigned = [...committed.values()]
      .filter(({ tp }) => !assigned.has(partitionName(tp)))
      .map(({ tp }) => tp);
    if (unassigned.length > 0) await describe(unassigned, null);
    collected.push({ groupId: group.groupId, state: group.state, rows });
  }
  return collected;
}

export async function collectGroupsMembers(
  session: AdminSession,
  groupIds: readonly string[],
): Promise<GroupMembers[]> {
  const groups = await describeGroups(session, groupIds);
  return [...groups].sort(byGroupId).map((group: GroupDescription) => ({
    groupId: group.groupId,
    state: group.state,
    members: group.members.map((member) => ({
      group: group.groupId,
      consumerId: member.memberId,
      host: member.clientHost,
      clientId: member.clientId,
      groupInstanceId: member.groupInstanceId ?? "",
      assignment: memberAssignment(member.memberAssignment),
    })),
  }));
}

export async function collectGroupsState(
  session: AdminSession,
  groupIds: readonly string[],
): Promise<GroupInformation[]> {
  const groups = await describeGroups(session, groupIds);
  const collected: GroupInformation[] = [];
  for (const group of [...groups].sort(byGroupId)) {
    const { cluster, context } = session;
    const coordinator = await adminCall("describeConsumerGroups", () =>
      findCoordinator(cluster, group.groupId, {
        ...context.settings,
        timeoutMs: context.settings.defaultApiTimeoutMs,
      }),
    );
    collected.push({
      groupId: group.groupId,
      coordinator,
      assignmentStrategy: group.protocol,
      state: group.state,
      numMembers: group.members.length,
    });
  }
  return collected;
}
