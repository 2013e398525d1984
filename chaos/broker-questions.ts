/**
 * The questions whose answers are the brokers' own state, asked through the project's
 * admin client: Metadata (leaders, epochs, replicas, ISRs), ListOffsets (HW, log start),
 * DescribeCluster (live brokers), DescribeQuorum (the active controller), DescribeGroups
 * (state, members, assignments) and OffsetFetch (committed offsets). The page's agent and
 * the simulator's chaos run ask the same way.
 */
import type { Admin } from "../src/client/admin/admin.ts";
import { decodeConsumerAssignment } from "../src/client/consumer/assignors/consumer-protocol.ts";
import type { BrokerTruth, GroupTruth, PartitionTruth } from "./checks/broker-truth.ts";

export async function askBrokers(
  admin: Admin,
  topic: string,
  groupIds: readonly string[],
): Promise<BrokerTruth> {
  const [{ topics }, offsets, cluster, quorum, described] = await Promise.all([
    admin.fetchTopicMetadata({ topics: [topic] }),
    admin.fetchTopicOffsets(topic),
    admin.describeCluster(),
    admin.describeQuorum(),
    admin.describeGroups([...groupIds]),
  ]);
  const partitions = (topics[0]?.partitions ?? [])
    .map((metadata): PartitionTruth => {
      const offset = offsets.find((o) => o.partition === metadata.partitionId);
      return {
        partition: metadata.partitionId,
        leader: metadata.leader,
        leaderEpoch: metadata.leaderEpoch,
        replicas: metadata.replicas,
        isr: metadata.isr,
        highWatermark: offset === undefined ? -1 : Number(offset.high),
        logStartOffset: offset === undefined ? -1 : Number(offset.low),
      };
    })
    .sort((a, b) => a.partition - b.partition);
  const groups = await Promise.all(
    described.groups.map(async (group): Promise<GroupTruth> => {
      const fetched = await admin.fetchOffsets({ groupId: group.groupId, topics: [topic] });
      const committed: Record<number, number> = {};
      for (const { partition, offset } of fetched.find((t) => t.topic === topic)?.partitions ?? [])
        if (offset !== "-1") committed[partition] = Number(offset);
      return {
        groupId: group.groupId,
        state: group.state,
        committed,
        members: group.members.map((member) => {
          const decoded =
            member.memberAssignment.length > 0
              ? decodeConsumerAssignment(member.memberAssignment)
              : null;
          const partitions = decoded?.ok
            ? decoded.value.partitions
                .filter((p) => p.topic === topic)
                .map((p) => p.partition)
                .sort((a, b) => a - b)
            : [];
          return { memberId: member.memberId, clientId: member.clientId, partitions };
        }),
      };
    }),
  );
  return {
    liveBrokers: cluster.brokers.map((b) => b.nodeId).sort((a, b) => a - b),
    quorumLeader: quorum.leaderId,
    partitions,
    groups,
  };
}
