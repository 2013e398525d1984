/**
 * Kafka's classic group states and the transitions allowed between them
 * (ClassicGroupState). A group is born Empty; the first JoinGroup moves it to
 * PreparingRebalance, where the coordinator waits for every member to (re)join; then
 * CompletingRebalance, where it waits for the leader's SyncGroup with the assignment; then
 * Stable. Any member change sends a Stable or CompletingRebalance group back to
 * PreparingRebalance; a rebalance that ends with nobody left makes it Empty again. Dead is
 * a group that was deleted or moved to another coordinator.
 */
export type ClassicGroupState =
  "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";

export const CLASSIC_GROUP_STATES: readonly ClassicGroupState[] = [
  "Empty",
  "PreparingRebalance",
  "CompletingRebalance",
  "Stable",
  "Dead",
];

const VALID_PREVIOUS_STATES: Record<ClassicGroupState, readonly ClassicGroupState[]> = {
  Empty: ["PreparingRebalance"],
  PreparingRebalance: ["Stable", "CompletingRebalance", "Empty"],
  CompletingRebalance: ["PreparingRebalance"],
  Stable: ["CompletingRebalance"],
  Dead: ["Stable", "PreparingRebalance", "CompletingRebalance", "Empty", "Dead"],
};

export function canTransition(from: ClassicGroupState, to: ClassicGroupState): boolean {
  return VALID_PREVIOUS_STATES[to].includes(from);
}

/** Whether a group in `state` may start a rebalance (PreparingRebalance's previous states). */
export function canRebalanceFrom(state: ClassicGroupState): boolean {
  return canTransition(state, "PreparingRebalance");
}
