/**
 * What the consumer dialog needs to know about groups: which exist (to suggest), which one
 * a new consumer of a topic most likely wants (the group already reading it, so a second
 * consumer splits the partitions), and what a chosen group would expect of a new member.
 */
import type { ConsumerView } from "../store/clients-slice.ts";
import type { GroupView } from "../store/groups-slice.ts";
import type { GroupContext } from "./consumer-validation.ts";

const isActive = (consumer: ConsumerView) =>
  consumer.status !== "crashed" && consumer.status !== "closed";

export function knownGroupIds(
  groups: Record<string, GroupView>,
  consumers: Record<string, ConsumerView>,
): string[] {
  const ids = new Set(Object.keys(groups));
  for (const consumer of Object.values(consumers)) ids.add(consumer.settings.groupId);
  return [...ids].sort();
}

/** The group of a running consumer of `topic`, else a new group named after the topic. */
export function suggestedGroupId(topic: string, consumers: Record<string, ConsumerView>): string {
  const reader = Object.values(consumers).find(
    (consumer) => consumer.settings.topic === topic && isActive(consumer),
  );
  return reader?.settings.groupId ?? `${topic}-readers`;
}

export function groupContextOf(
  groupId: string,
  groups: Record<string, GroupView>,
  consumers: Record<string, ConsumerView>,
): GroupContext {
  const members = Object.values(consumers).filter(
    (consumer) => consumer.settings.groupId === groupId && isActive(consumer),
  );
  const group = groups[groupId];
  return {
    protocol: group?.protocol ?? members[0]?.settings.assignor ?? null,
    // The coordinator's count when it has described the group; the page's own consumers before that.
    memberCount: group === undefined ? members.length : group.members.length,
    instanceIdsInUse: members
      .map((consumer) => consumer.settings.groupInstanceId)
      .filter((id) => id !== ""),
  };
}
