/**
 * The coordinator's telemetry: a "group" event whenever a group changes state (with
 * generation, protocol, leader, and each member's assigned partitions when the protocol is
 * "consumer"), and an "offset-commit" event per committed partition once its record is
 * below the HW.
 */
import type { GroupMemberTelemetry, TelemetrySink } from "../../telemetry/telemetry-event.ts";
import type { ClassicGroup } from "./classic-group.ts";
import { assignedPartitionsOf } from "./consumer-protocol.ts";

export class GroupEvents {
  constructor(
    private readonly nodeId: number,
    private readonly telemetry: TelemetrySink,
    private readonly partitionFor: (groupId: string) => number,
  ) {}

  changed(group: ClassicGroup, reason: string): void {
    this.telemetry.emit({
      kind: "group",
      node: this.nodeId,
      group: group.groupId,
      coordinatorPartition: this.partitionFor(group.groupId),
      state: group.state,
      generation: group.generationId,
      protocolType: group.protocolType ?? "",
      protocol: group.protocolName,
      leader: group.leaderId,
      members: group.allMembers().map((member): GroupMemberTelemetry => ({
        memberId: member.memberId,
        groupInstanceId: member.groupInstanceId,
        clientId: member.clientId,
        assignment:
          group.usesConsumerProtocol && member.assignment.length > 0
            ? (assignedPartitionsOf(member.assignment) ?? [])
            : [],
      })),
      reason,
    });
  }

  offsetCommitted(group: string, topic: string, partition: number, offset: bigint): void {
    this.telemetry.emit({
      kind: "offset-commit",
      node: this.nodeId,
      group,
      topic,
      partition,
      offset,
    });
  }

  error(where: string, message: string, errorCode?: number): void {
    this.telemetry.emit({ kind: "error", node: this.nodeId, where, message, errorCode });
  }
}
