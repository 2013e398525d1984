/**
 * Assignment lines, partition → member: which lines there are (from the consumers' own view
 * of their partitions, so an eager revoke drops them all at once and a cooperative one only
 * the partitions that move) and the curve each one takes between two boxes on screen.
 */
import type { AnchorName } from "../canvas/anchors.ts";
import type { PlaygroundState } from "../store/store.ts";

export interface AssignmentLink {
  /** Stable while the same member owns the same partition: a moved partition is a new line. */
  id: string;
  topic: string;
  partition: number;
  leader: number;
  member: AnchorName;
}

type LinkSources = Pick<PlaygroundState, "consumers" | "groups" | "topics">;

export function assignmentLinks(state: LinkSources): AssignmentLink[] {
  const links: AssignmentLink[] = [];
  const leaderOf = (topic: string, partition: number) =>
    state.topics[topic]?.partitions[partition]?.leader ?? -1;
  const add = (memberKey: string, member: AnchorName, topic: string, partition: number) => {
    const leader = leaderOf(topic, partition);
    if (leader >= 0)
      links.push({ id: `${memberKey}|${topic}:${partition}`, topic, partition, leader, member });
  };
  const pageClients = new Set<string>();
  for (const consumer of Object.values(state.consumers)) {
    pageClients.add(consumer.id);
    for (const { topic, partition } of consumer.assigned)
      add(consumer.id, `consumer:${consumer.id}`, topic, partition);
  }
  // Members the coordinator lists that are not the page's: their assignment as it reported it.
  for (const group of Object.values(state.groups)) {
    for (const member of group.members) {
      if (pageClients.has(member.clientId)) continue;
      for (const { topic, partitions } of member.assignment) {
        for (const partition of partitions)
          add(member.memberId, `consumer:member:${member.memberId}`, topic, partition);
      }
    }
  }
  return links;
}

/** A text that changes exactly when the set of lines or a line's leader changes. */
export function linksSignature(state: LinkSources): string {
  return assignmentLinks(state)
    .map((link) => `${link.id}@${link.leader}`)
    .join(";");
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A gentle S-curve from the side of `from` that faces `to` to the facing side of `to`
 * (the partition's leader replica in a broker column, the member in the groups column),
 * and the point where it arrives.
 */
export function linkPath(from: Box, to: Box): { d: string; end: { x: number; y: number } } {
  const rightward = to.x + to.width / 2 >= from.x + from.width / 2;
  const f = (value: number) => Math.round(value * 10) / 10;
  const x0 = f(rightward ? from.x + from.width : from.x);
  const x1 = f(rightward ? to.x : to.x + to.width);
  const y0 = f(from.y + from.height / 2);
  const y1 = f(to.y + to.height / 2);
  const bend = Math.max(24, Math.abs(x1 - x0) / 2) * (rightward ? 1 : -1);
  return {
    d: `M${x0},${y0} C${f(x0 + bend)},${y0} ${f(x1 - bend)},${y1} ${x1},${y1}`,
    end: { x: x1, y: y1 },
  };
}
