/**
 * What the admin API says of the cluster, read once a second: every topic's placement,
 * leader and ISR, and every consumer group with its members' assignments and committed
 * offsets. Telemetry says what changed as it happens; the poll makes sure the page agrees
 * with the brokers after anything the telemetry missed (a reload, a dropped event).
 */
import type { Admin } from "../../client/admin/admin.ts";
import type { GroupDescription, TopicMetadata } from "../../client/admin/admin-types.ts";
import { decodeConsumerAssignment } from "../../client/consumer/assignors/consumer-protocol.ts";
import type { GroupMemberTelemetry } from "../../telemetry/telemetry-event.ts";
import { unknownGroup, type GroupState, type GroupView } from "../store/groups-slice.ts";
import {
  emptyPartition,
  partitionKey,
  type PartitionView,
  type TopicView,
} from "../store/topics-slice.ts";
import { INTERNAL_TOPIC_PREFIX, type ReducedState } from "./telemetry-reducer.ts";

export interface PolledGroup {
  description: GroupDescription;
  committed: Record<string, number>;
}

/**
 * One poll's answers. Topics and groups are asked separately, so a group question stuck on
 * a coordinator that just died does not hold back the topics (a missing part keeps what
 * the page knew).
 */
export interface ClusterPoll {
  topics?: TopicMetadata[];
  groups?: PolledGroup[];
}

/**
 * How long one poll may wait, in cluster time, before the page gives up on it until the
 * next tick. The admin's default (60 s) suits a program that needs the answer; a page that
 * asks again every second would rather show what it has than freeze for a minute while
 * requests to a dead broker time out.
 */
export const POLL_TIMEOUT_MS = 5_000;

export async function pollCluster(admin: Admin): Promise<ClusterPoll> {
  const [topics, groups] = await Promise.allSettled([pollTopics(admin), pollGroups(admin)]);
  return {
    ...(topics.status === "fulfilled" ? { topics: topics.value } : {}),
    ...(groups.status === "fulfilled" ? { groups: groups.value } : {}),
  };
}

async function pollTopics(admin: Admin): Promise<TopicMetadata[]> {
  return (await admin.fetchTopicMetadata()).topics;
}

async function pollGroups(admin: Admin): Promise<PolledGroup[]> {
  const { groups: overviews } = await admin.listGroups();
  const ids = overviews.map((group) => group.groupId).sort();
  const { groups: descriptions } =
    ids.length === 0 ? { groups: [] } : await admin.describeGroups(ids);
  return Promise.all(
    descriptions.map(async (description): Promise<PolledGroup> => {
      const committed: Record<string, number> = {};
      const offsets = await admin.fetchOffsets({ groupId: description.groupId });
      for (const { topic, partitions } of offsets) {
        for (const { partition, offset } of partitions) {
          if (offset !== "-1") committed[partitionKey(topic, partition)] = Number(offset);
        }
      }
      return { description, committed };
    }),
  );
}

/** The topics and groups slices brought into line with a poll; telemetry-only facts kept. */
export function mergePoll(
  state: ReducedState,
  poll: ClusterPoll,
  pollStartedMs: number,
): Pick<ReducedState, "topics" | "groups"> {
  let { topics, groups } = state;
  if (poll.topics !== undefined) {
    topics = {};
    for (const metadata of poll.topics)
      topics[metadata.name] = mergeTopic(state.topics[metadata.name], metadata);
  }
  if (poll.groups !== undefined) {
    groups = {};
    for (const polled of poll.groups) {
      const known = state.groups[polled.description.groupId];
      groups[polled.description.groupId] = mergeGroup(known, polled, pollStartedMs);
    }
  }
  return { topics, groups };
}

function mergeTopic(known: TopicView | undefined, metadata: TopicMetadata): TopicView {
  const partitions = [...metadata.partitions]
    .sort((a, b) => a.partitionId - b.partitionId)
    .map((polled): PartitionView => {
      const old =
        known?.partitions[polled.partitionId] ?? emptyPartition(metadata.name, polled.partitionId);
      // Telemetry may already know of a newer leader than the broker that answered the poll.
      const newer = polled.leaderEpoch >= old.leaderEpoch;
      // Within one leader epoch the poll cannot tell an older ISR from a newer one (Metadata
      // carries no partition epoch): the ISR telemetry told, with its epoch, stands.
      const isrNewer = polled.leaderEpoch > old.leaderEpoch || (newer && old.isrPartitionEpoch < 0);
      return {
        ...old,
        leader: newer ? polled.leader : old.leader,
        leaderEpoch: newer ? polled.leaderEpoch : old.leaderEpoch,
        replicas: polled.replicas,
        isr: isrNewer ? polled.isr : old.isr,
        offlineReplicas: polled.offlineReplicas,
      };
    });
  return {
    name: metadata.name,
    topicId: known?.topicId ?? null,
    internal: metadata.name.startsWith(INTERNAL_TOPIC_PREFIX),
    partitions,
    configs: known?.configs ?? null,
  };
}

const KNOWN_STATES = new Set([
  "Empty",
  "PreparingRebalance",
  "CompletingRebalance",
  "Stable",
  "Dead",
]);

function membersOf(description: GroupDescription): GroupMemberTelemetry[] {
  return description.members.map((member) => {
    const decoded =
      description.protocolType === "consumer" && member.memberAssignment.length > 0
        ? decodeConsumerAssignment(member.memberAssignment)
        : null;
    const byTopic = new Map<string, number[]>();
    if (decoded?.ok) {
      for (const { topic, partition } of decoded.value.partitions) {
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
      }
    }
    return {
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      clientId: member.clientId,
      assignment: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
    };
  });
}

function mergeGroup(
  known: GroupView | undefined,
  polled: PolledGroup,
  pollStartedMs: number,
): GroupView {
  const { description } = polled;
  const state = (KNOWN_STATES.has(description.state) ? description.state : "Empty") as GroupState;
  const base = known ?? unknownGroup(description.groupId, state, description.protocolType);
  // Telemetry that arrived while the poll was under way is newer than the poll's answer.
  const agree = base.telemetryAtMs < pollStartedMs || base.state === state;
  return {
    ...base,
    state: agree ? state : base.state,
    protocolType: description.protocolType,
    protocol: description.protocol === "" ? base.protocol : description.protocol,
    members: agree ? membersOf(description) : base.members,
    committed: { ...base.committed, ...polled.committed },
  };
}
