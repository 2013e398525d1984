/**
 * A consumer group as DescribeGroups tells it, in KafkaJS's shape: what `admin.describeGroups`
 * and `consumer.describeGroup()` both return. A state this client does not know is "Unknown".
 */
import type { DescribeGroupsResponseDescribedGroup } from "../protocol/generated/messages/describe-groups-response.ts";

export interface MemberDescription {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  memberMetadata: Uint8Array;
  memberAssignment: Uint8Array;
}

export type GroupState =
  "Unknown" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead" | "Empty";

export interface GroupDescription {
  groupId: string;
  members: MemberDescription[];
  protocol: string;
  protocolType: string;
  state: GroupState;
  errorCode: number;
}

const GROUP_STATES = new Set<string>([
  "Unknown",
  "PreparingRebalance",
  "CompletingRebalance",
  "Stable",
  "Dead",
  "Empty",
]);

export function describedGroup(group: DescribeGroupsResponseDescribedGroup): GroupDescription {
  return {
    groupId: group.groupId,
    members: group.members.map((member) => ({
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      memberMetadata: member.memberMetadata,
      memberAssignment: member.memberAssignment,
    })),
    protocol: group.protocolData,
    protocolType: group.protocolType,
    state: (GROUP_STATES.has(group.groupState) ? group.groupState : "Unknown") as GroupState,
    errorCode: group.errorCode,
  };
}
