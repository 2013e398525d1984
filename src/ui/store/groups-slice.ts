/**
 * Consumer groups as the coordinator describes them: Kafka's state, generation, protocol
 * (the assignor), members and their assignments, and committed offsets; plus the page's
 * view of the rebalance in progress, phase by phase.
 */
import type { GroupMemberTelemetry } from "../../telemetry/telemetry-event.ts";

export type GroupState = "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";

/**
 * Where a rebalance is, as a learner follows it: members give up partitions (revoke), the
 * coordinator collects members (join, PreparingRebalance), the leader's assignment is
 * handed out (sync, CompletingRebalance), members take their partitions (assign).
 */
export type RebalancePhase = "revoke" | "join" | "sync" | "assign" | "stable";

export interface GroupView {
  groupId: string;
  state: GroupState;
  generation: number;
  protocolType: string;
  /** The chosen assignor ("range", "cooperative-sticky", ...); null while there is none. */
  protocol: string | null;
  leader: string | null;
  members: GroupMemberTelemetry[];
  /** Committed offsets by "topic:partition". */
  committed: Record<string, number>;
  phase: RebalancePhase;
  /** Why the group last changed state, in Kafka's words. */
  reason: string;
  /** The __consumer_offsets partition whose leader coordinates the group; -1 if unknown. */
  coordinatorPartition: number;
  /** Node time of the last telemetry about the group: a poll begun before it is older news. */
  telemetryAtMs: number;
}

export interface GroupsSlice {
  groups: Record<string, GroupView>;
}

export function phaseOfState(state: GroupState): RebalancePhase {
  if (state === "PreparingRebalance") return "join";
  if (state === "CompletingRebalance") return "sync";
  return "stable";
}

/** A group the page has only just heard of: what it knows so far, and nothing else. */
export function unknownGroup(groupId: string, state: GroupState, protocolType: string): GroupView {
  return {
    groupId,
    state,
    generation: 0,
    protocolType,
    protocol: null,
    leader: null,
    members: [],
    committed: {},
    phase: phaseOfState(state),
    reason: "",
    coordinatorPartition: -1,
    telemetryAtMs: -1,
  };
}
