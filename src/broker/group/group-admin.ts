/**
 * The administrative group APIs' rules: DescribeGroups (a Stable group shows its protocol
 * and each member's metadata and assignment; other states show members only; an unknown
 * group is "Dead"), ListGroups (with the v4 state filter, case-insensitive, and the v5
 * type filter: every group here is "classic"), DeleteGroups (only an Empty group:
 * NON_EMPTY_GROUP otherwise, GROUP_ID_NOT_FOUND when there is none) and OffsetDelete
 * (an Empty group's offsets; a consumer group keeps the offsets of topics it is
 * subscribed to — GROUP_SUBSCRIBED_TO_TOPIC — and another protocol's non-empty group
 * refuses with NON_EMPTY_GROUP). Deletions write tombstones to __consumer_offsets.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { CoordinatorContext } from "./coordinator-context.ts";
import { groupMetadataRecord, offsetCommitRecord } from "./coordinator-records.ts";
import { offsetCommitError } from "./coordinator-writer.ts";
import { removeGroup } from "./group-removal.ts";

export const CLASSIC_GROUP_TYPE = "classic";

export interface DescribedMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  metadata: Uint8Array;
  assignment: Uint8Array;
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocolData: string;
  members: DescribedMember[];
}

const NONE = new Uint8Array(0);

export function describeGroup(ctx: CoordinatorContext, groupId: string): DescribedGroup {
  const group = ctx.groups.get(groupId);
  if (group === undefined)
    return {
      errorCode: ErrorCode.NONE,
      groupId,
      state: "Dead",
      protocolType: "",
      protocolData: "",
      members: [],
    };
  const stable = group.is("Stable");
  return {
    errorCode: ErrorCode.NONE,
    groupId,
    state: group.state,
    protocolType: group.protocolType ?? "",
    protocolData: stable ? (group.protocolName ?? "") : "",
    members: group.allMembers().map((member) => ({
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      metadata: stable ? member.metadata(group.protocolName) : NONE,
      assignment: stable ? member.assignment : NONE,
    })),
  };
}

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  groupState: string;
  groupType: string;
}

export function listGroups(
  ctx: CoordinatorContext,
  statesFilter: readonly string[],
  typesFilter: readonly string[],
): ListedGroup[] {
  const states = new Set(statesFilter.map((state) => state.toLowerCase()));
  const types = new Set(typesFilter.map((type) => type.toLowerCase()));
  if (types.size > 0 && !types.has(CLASSIC_GROUP_TYPE)) return [];
  return [...ctx.groups.values()]
    .filter((group) => states.size === 0 || states.has(group.state.toLowerCase()))
    .map((group) => ({
      groupId: group.groupId,
      protocolType: group.protocolType ?? "",
      groupState: group.state,
      groupType: CLASSIC_GROUP_TYPE,
    }));
}

/** Delete one group: its offsets' and its own tombstones are written. */
export async function deleteGroup(ctx: CoordinatorContext, groupId: string): Promise<number> {
  const group = ctx.groups.get(groupId);
  if (group === undefined) return ErrorCode.GROUP_ID_NOT_FOUND;
  if (!group.is("Empty")) return ErrorCode.NON_EMPTY_GROUP;
  const records = [
    ...ctx.offsets
      .offsetsOf(groupId)
      .map(({ topic, partition }) => offsetCommitRecord(groupId, topic, partition, null)),
    groupMetadataRecord(groupId, null),
  ];
  removeGroup(ctx, group, "the group was deleted");
  const outcome = await ctx.write(groupId, records);
  return outcome.errorCode === ErrorCode.NONE
    ? ErrorCode.NONE
    : offsetCommitError(outcome.errorCode);
}

export interface OffsetDeleteResult {
  errorCode: number;
  partitions: { topic: string; partition: number; errorCode: number }[];
}

export async function deleteOffsets(
  ctx: CoordinatorContext,
  groupId: string,
  topics: readonly { name: string; partitions: readonly number[] }[],
): Promise<OffsetDeleteResult> {
  const group = ctx.groups.get(groupId);
  if (group === undefined) return { errorCode: ErrorCode.GROUP_ID_NOT_FOUND, partitions: [] };
  if (!group.is("Empty") && !group.usesConsumerProtocol)
    return { errorCode: ErrorCode.NON_EMPTY_GROUP, partitions: [] };
  const partitions: OffsetDeleteResult["partitions"] = [];
  const deleted: { topic: string; partition: number }[] = [];
  for (const { name, partitions: indexes } of topics) {
    const subscribed = !group.is("Empty") && group.isSubscribedToTopic(name);
    for (const partition of indexes) {
      partitions.push({
        topic: name,
        partition,
        errorCode: subscribed ? ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC : ErrorCode.NONE,
      });
      if (!subscribed && ctx.offsets.get(groupId, name, partition) !== undefined)
        deleted.push({ topic: name, partition });
    }
  }
  if (deleted.length === 0) return { errorCode: ErrorCode.NONE, partitions };
  const outcome = await ctx.write(
    groupId,
    deleted.map(({ topic, partition }) => offsetCommitRecord(groupId, topic, partition, null)),
  );
  if (outcome.errorCode !== ErrorCode.NONE)
    return { errorCode: offsetCommitError(outcome.errorCode), partitions: [] };
  deleted.forEach(({ topic, partition }, index) =>
    ctx.offsets.apply(groupId, topic, partition, null, outcome.baseOffset + BigInt(index)),
  );
  return { errorCode: ErrorCode.NONE, partitions };
}
