/**
 * Writing a group's membership to __consumer_offsets (GroupMetadataManager.storeGroup):
 * after the leader's SyncGroup with every member's assignment, when a rebalance leaves the
 * group empty, and when a static member takes a new member id. A new coordinator rebuilds
 * the group from the last such record.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { GroupMetadataValue } from "../../protocol/generated/coordinator-records/group-metadata-value.ts";
import type { ClassicGroup } from "./classic-group.ts";
import type { CoordinatorContext } from "./coordinator-context.ts";
import { groupMetadataRecord } from "./coordinator-records.ts";
import { groupStoreError } from "./coordinator-writer.ts";

const NO_ASSIGNMENT = new Uint8Array(0);

export function groupMetadataValue(
  group: ClassicGroup,
  assignment: ReadonlyMap<string, Uint8Array>,
): GroupMetadataValue {
  return {
    protocolType: group.protocolType ?? "",
    generation: group.generationId,
    protocol: group.protocolName,
    leader: group.leaderId,
    currentStateTimestamp: BigInt(group.currentStateTimestampMs ?? -1),
    members: group.allMembers().map((member) => ({
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      rebalanceTimeout: member.rebalanceTimeoutMs,
      sessionTimeout: member.sessionTimeoutMs,
      subscription: member.metadata(group.protocolName),
      assignment: assignment.get(member.memberId) ?? NO_ASSIGNMENT,
    })),
  };
}

/** Write the group with these assignments; resolves with the error its APIs answer with. */
export async function storeGroup(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  assignment: ReadonlyMap<string, Uint8Array>,
): Promise<number> {
  const record = groupMetadataRecord(group.groupId, groupMetadataValue(group, assignment));
  try {
    const outcome = await ctx.write(group.groupId, [record]);
    return outcome.errorCode === ErrorCode.NONE
      ? ErrorCode.NONE
      : groupStoreError(outcome.errorCode);
  } catch (error) {
    ctx.events.error(
      `group ${group.groupId}`,
      `storing the group failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return ErrorCode.UNKNOWN_SERVER_ERROR;
  }
}

/** Every member's current assignment (what a re-store keeps). */
export function currentAssignment(group: ClassicGroup): Map<string, Uint8Array> {
  return new Map(group.allMembers().map((member) => [member.memberId, member.assignment]));
}
