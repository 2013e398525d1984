/**
 * DescribeGroups for the consumer's own group (KafkaJS's consumer.describeGroup()): state,
 * protocol, and each member with its subscription and assignment bytes, asked of the
 * group's coordinator.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { DescribeGroupsResponse } from "../../protocol/generated/messages/describe-groups-response.ts";
import { describedGroup, type GroupDescription } from "../group-description.ts";
import type { CoordinatorChannel } from "./coordinator-channel.ts";
import { checkCoordinatorError } from "./group-offsets.ts";

export async function describeGroup(channel: CoordinatorChannel): Promise<GroupDescription> {
  const { response } = await channel.request<DescribeGroupsResponse>(ApiKey.DescribeGroups, {
    groups: [channel.groupId],
    includeAuthorizedOperations: false,
  });
  const group = response.groups[0];
  if (group === undefined) throw new Error(`no description of group ${channel.groupId}`);
  checkCoordinatorError(channel, group.errorCode);
  return describedGroup(group);
}
