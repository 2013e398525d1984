/**
 * Consumer groups: list them (ListGroups to every broker, as each coordinates its own
 * share), describe them and delete them (DescribeGroups and DeleteGroups to each group's
 * coordinator). KafkaJS's calls and shapes.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DeleteGroupsResponse } from "../../protocol/generated/messages/delete-groups-response.ts";
import type { DescribeGroupsResponse } from "../../protocol/generated/messages/describe-groups-response.ts";
import { describedGroup } from "../group-description.ts";
import type { ListGroupsResponse } from "../../protocol/generated/messages/list-groups-response.ts";
import { AdminProtocolError } from "./admin-error.ts";
import {
  deadlineAfter,
  failed,
  retrying,
  settleEach,
  succeeded,
  valuesOrThrow,
  type AdminContext,
} from "./admin-retry.ts";
import { sendToNode } from "./admin-routing.ts";
import type { DeleteGroupsResult, GroupDescription, GroupOverview } from "./admin-types.ts";
import { groupOutcome, requireGroupIds, settleByCoordinator } from "./group-coordinators.ts";

/** Every group every broker coordinates. */
export async function listGroups(context: AdminContext): Promise<{ groups: GroupOverview[] }> {
  const { cluster } = context;
  const deadlineMs = deadlineAfter(context);
  const metadata = await retrying(context, deadlineMs, () => cluster.refreshMetadata([]));
  const brokers = [...metadata.brokers.keys()];
  const outcomes = await settleEach(context, deadlineMs, brokers, async (pending) => {
    const answers = await Promise.all(
      pending.map(async (nodeId) => {
        try {
          const { response } = await sendToNode<ListGroupsResponse>(
            context,
            deadlineMs,
            nodeId,
            ApiKey.ListGroups,
            { statesFilter: [], typesFilter: [] },
          );
          if (response.errorCode !== ErrorCode.NONE) {
            const error = new AdminProtocolError(response.errorCode, {}, `broker ${nodeId}`);
            return [nodeId, failed<GroupOverview[]>(error)] as const;
          }
          const groups = response.groups.map(({ groupId, protocolType, groupState }) => ({
            groupId,
            protocolType,
            groupState,
          }));
          return [nodeId, succeeded(groups)] as const;
        } catch (error) {
          return [nodeId, failed<GroupOverview[]>(error as Error)] as const;
        }
      }),
    );
    return new Map(answers);
  });
  return { groups: valuesOrThrow(brokers, outcomes).flat() };
}

/**
 * Each group's state, protocol and members. A group that does not exist is described as
 * Dead with no members (Kafka's answer); any error throws for the first group that had it.
 */
export async function describeGroups(
  context: AdminContext,
  groupIds: string[],
): Promise<{ groups: GroupDescription[] }> {
  requireGroupIds(groupIds);
  const deadlineMs = deadlineAfter(context);
  const outcomes = await settleByCoordinator(context, deadlineMs, groupIds, async (send, ids) => {
    const { response } = await send<DescribeGroupsResponse>(ApiKey.DescribeGroups, {
      groups: ids,
      includeAuthorizedOperations: false,
    });
    const answers = new Map(response.groups.map((group) => [group.groupId, group]));
    return new Map(
      ids.map((groupId) => {
        const answer = answers.get(groupId);
        return [groupId, groupOutcome(groupId, answer?.errorCode, () => describedGroup(answer!))];
      }),
    );
  });
  return { groups: valuesOrThrow(groupIds, outcomes) };
}

/**
 * Deletes groups with their committed offsets. A group with members is NON_EMPTY_GROUP and
 * one that does not exist GROUP_ID_NOT_FOUND: the first such failure is thrown.
 */
export async function deleteGroups(
  context: AdminContext,
  groupIds: string[],
): Promise<DeleteGroupsResult[]> {
  requireGroupIds(groupIds);
  const deadlineMs = deadlineAfter(context);
  const outcomes = await settleByCoordinator(context, deadlineMs, groupIds, async (send, ids) => {
    const { response } = await send<DeleteGroupsResponse>(ApiKey.DeleteGroups, {
      groupsNames: ids,
    });
    const answers = new Map(response.results.map((result) => [result.groupId, result.errorCode]));
    return new Map(
      ids.map((groupId) => [
        groupId,
        groupOutcome(groupId, answers.get(groupId), () => ({ groupId, errorCode: ErrorCode.NONE })),
      ]),
    );
  });
  return valuesOrThrow(groupIds, outcomes);
}
