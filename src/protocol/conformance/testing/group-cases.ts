/**
 * Conformance rows for consumer groups: offsets, the coordinator, the join/sync/heartbeat
 * protocol and group administration. Member metadata and assignments are the bytes KafkaJS's
 * own assigner protocol writes, as in a real rebalance.
 */
import { throttleTimeFrom, type KafkaJsConformanceCase } from "./conformance-case.ts";
import { KafkaJsMemberAssignment, KafkaJsMemberMetadata } from "./kafkajs-internals.ts";

const GROUP = "billing";
const LEADER = "billing-app-1-4f2c9a";
const FOLLOWER = "billing-app-2-9a1b7e";
const INSTANCE = "billing-pod-0";
const BEYOND_DOUBLE = 9_007_199_254_740_993n;

const SUBSCRIPTION = KafkaJsMemberMetadata.encode({
  version: 0,
  topics: ["payments", "audit-log"],
});
const LEADER_ASSIGNMENT = KafkaJsMemberAssignment.encode({
  version: 0,
  assignment: { payments: [0, 2], "audit-log": [0] },
});
const FOLLOWER_ASSIGNMENT = KafkaJsMemberAssignment.encode({
  version: 0,
  assignment: { payments: [1] },
});

const offsetCommit: KafkaJsConformanceCase = {
  api: "OffsetCommit",
  kafkaJsName: "OffsetCommit",
  requestArgs: () => ({
    groupId: GROUP,
    groupGenerationId: 12,
    memberId: LEADER,
    retentionTime: 86_400_000,
    topics: [
      {
        topic: "payments",
        partitions: [
          { partition: 0, offset: "1300", timestamp: 1_717_171_717_171, metadata: "host-a" },
          { partition: 2, offset: BEYOND_DOUBLE.toString(), timestamp: 1_717_171_717_172 },
        ],
      },
    ],
  }),
  expectedRequest: () => ({
    groupId: GROUP,
    generationIdOrMemberEpoch: 12,
    memberId: LEADER,
    retentionTimeMs: 86_400_000n,
    topics: [
      {
        name: "payments",
        partitions: [
          {
            partitionIndex: 0,
            committedOffset: 1_300n,
            commitTimestamp: 1_717_171_717_171n,
            committedMetadata: "host-a",
          },
          // KafkaJS sends a null metadata string when none is given.
          {
            partitionIndex: 2,
            committedOffset: BEYOND_DOUBLE,
            commitTimestamp: 1_717_171_717_172n,
            committedMetadata: null,
          },
        ],
      },
    ],
  }),
  response: () => ({
    throttleTimeMs: 3,
    topics: [
      {
        name: "payments",
        partitions: [
          { partitionIndex: 0, errorCode: 0 },
          { partitionIndex: 2, errorCode: 0 },
        ],
      },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(4),
    topics: "responses",
    "topics.name": "topic",
    "topics.partitions.partitionIndex": "partition",
  },
};

const offsetFetch: KafkaJsConformanceCase = {
  api: "OffsetFetch",
  kafkaJsName: "OffsetFetch",
  requestArgs: () => ({
    groupId: GROUP,
    topics: [{ topic: "payments", partitions: [{ partition: 0 }, { partition: 2 }] }],
  }),
  expectedRequest: () => ({
    groupId: GROUP,
    topics: [{ name: "payments", partitionIndexes: [0, 2] }],
  }),
  response: () => ({
    throttleTimeMs: 4,
    topics: [
      {
        name: "payments",
        partitions: [
          { partitionIndex: 0, committedOffset: 1_300n, metadata: "host-a", errorCode: 0 },
          // No committed offset yet: Kafka answers -1 with empty metadata.
          { partitionIndex: 2, committedOffset: -1n, metadata: "", errorCode: 0 },
        ],
      },
    ],
    errorCode: 0,
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(4),
    topics: "responses",
    "topics.name": "topic",
    "topics.partitions.partitionIndex": "partition",
    "topics.partitions.committedOffset": "offset",
  },
};

const findCoordinator: KafkaJsConformanceCase = {
  api: "FindCoordinator",
  // KafkaJS still calls API key 10 by its old name.
  kafkaJsName: "GroupCoordinator",
  // A transaction coordinator lookup (key type 1); KafkaJS passes the key as `groupId`.
  requestArgs: () => ({ groupId: "payments-tx", coordinatorType: 1 }),
  expectedRequest: () => ({ key: "payments-tx", keyType: 1 }),
  response: () => ({
    throttleTimeMs: 2,
    errorCode: 0,
    errorMessage: null,
    nodeId: 2,
    host: "broker-2.playground",
    port: 9093,
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(2),
    nodeId: "coordinator.nodeId",
    host: "coordinator.host",
    port: "coordinator.port",
  },
};

const joinGroup: KafkaJsConformanceCase = {
  api: "JoinGroup",
  kafkaJsName: "JoinGroup",
  requestArgs: () => ({
    groupId: GROUP,
    sessionTimeout: 30_000,
    rebalanceTimeout: 300_000,
    memberId: "",
    groupInstanceId: INSTANCE,
    protocolType: "consumer",
    groupProtocols: [
      { name: "RoundRobinAssigner", metadata: SUBSCRIPTION },
      { name: "range", metadata: SUBSCRIPTION },
    ],
  }),
  expectedRequest: () => ({
    groupId: GROUP,
    sessionTimeoutMs: 30_000,
    rebalanceTimeoutMs: 300_000,
    memberId: "",
    groupInstanceId: INSTANCE,
    protocolType: "consumer",
    protocols: [
      { name: "RoundRobinAssigner", metadata: SUBSCRIPTION },
      { name: "range", metadata: SUBSCRIPTION },
    ],
  }),
  response: () => ({
    throttleTimeMs: 20,
    errorCode: 0,
    generationId: 12,
    protocolName: "RoundRobinAssigner",
    leader: LEADER,
    memberId: LEADER,
    members: [
      { memberId: LEADER, groupInstanceId: INSTANCE, metadata: SUBSCRIPTION },
      { memberId: FOLLOWER, groupInstanceId: null, metadata: SUBSCRIPTION },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(3),
    protocolName: "groupProtocol",
    leader: "leaderId",
    "members.metadata": "memberMetadata",
  },
};

const heartbeat: KafkaJsConformanceCase = {
  api: "Heartbeat",
  kafkaJsName: "Heartbeat",
  requestArgs: () => ({
    groupId: GROUP,
    groupGenerationId: 12,
    memberId: LEADER,
    groupInstanceId: INSTANCE,
  }),
  expectedRequest: () => ({
    groupId: GROUP,
    generationId: 12,
    memberId: LEADER,
    groupInstanceId: INSTANCE,
  }),
  response: () => ({ throttleTimeMs: 1, errorCode: 0 }),
  responseViews: { throttleTimeMs: throttleTimeFrom(2) },
};

const leaveGroup: KafkaJsConformanceCase = {
  api: "LeaveGroup",
  kafkaJsName: "LeaveGroup",
  requestArgs: () => ({ groupId: GROUP, memberId: LEADER, groupInstanceId: INSTANCE }),
  expectedRequest: () => ({
    groupId: GROUP,
    memberId: LEADER,
    members: [{ memberId: LEADER, groupInstanceId: INSTANCE }],
  }),
  response: () => ({
    throttleTimeMs: 1,
    errorCode: 0,
    members: [{ memberId: LEADER, groupInstanceId: INSTANCE, errorCode: 0 }],
  }),
  responseViews: { throttleTimeMs: throttleTimeFrom(2) },
};

const syncGroup: KafkaJsConformanceCase = {
  api: "SyncGroup",
  kafkaJsName: "SyncGroup",
  requestArgs: () => ({
    groupId: GROUP,
    generationId: 12,
    memberId: LEADER,
    groupInstanceId: INSTANCE,
    groupAssignment: [
      { memberId: LEADER, memberAssignment: LEADER_ASSIGNMENT },
      { memberId: FOLLOWER, memberAssignment: FOLLOWER_ASSIGNMENT },
    ],
  }),
  expectedRequest: () => ({
    groupId: GROUP,
    generationId: 12,
    memberId: LEADER,
    groupInstanceId: INSTANCE,
    assignments: [
      { memberId: LEADER, assignment: LEADER_ASSIGNMENT },
      { memberId: FOLLOWER, assignment: FOLLOWER_ASSIGNMENT },
    ],
  }),
  response: () => ({ throttleTimeMs: 1, errorCode: 0, assignment: LEADER_ASSIGNMENT }),
  responseViews: { throttleTimeMs: throttleTimeFrom(2), assignment: "memberAssignment" },
};

const describeGroups: KafkaJsConformanceCase = {
  api: "DescribeGroups",
  kafkaJsName: "DescribeGroups",
  requestArgs: () => ({ groupIds: [GROUP, "analytics"] }),
  expectedRequest: () => ({ groups: [GROUP, "analytics"] }),
  response: () => ({
    throttleTimeMs: 2,
    groups: [
      {
        errorCode: 0,
        groupId: GROUP,
        groupState: "Stable",
        protocolType: "consumer",
        protocolData: "RoundRobinAssigner",
        members: [
          {
            memberId: LEADER,
            clientId: "billing-app",
            clientHost: "/10.0.0.7",
            memberMetadata: SUBSCRIPTION,
            memberAssignment: LEADER_ASSIGNMENT,
          },
        ],
      },
      {
        errorCode: 0,
        groupId: "analytics",
        groupState: "Empty",
        protocolType: "consumer",
        protocolData: "",
        members: [],
      },
    ],
  }),
  responseViews: {
    throttleTimeMs: throttleTimeFrom(2),
    "groups.groupState": "state",
    "groups.protocolData": "protocol",
  },
};

const listGroups: KafkaJsConformanceCase = {
  api: "ListGroups",
  kafkaJsName: "ListGroups",
  requestArgs: () => undefined,
  // v0-v2 requests have no fields at all: decoding must simply consume nothing.
  expectedRequest: () => ({}),
  response: () => ({
    throttleTimeMs: 3,
    errorCode: 0,
    groups: [
      { groupId: GROUP, protocolType: "consumer" },
      { groupId: "connect-cluster", protocolType: "connect" },
    ],
  }),
  responseViews: { throttleTimeMs: throttleTimeFrom(2) },
};

const deleteGroups: KafkaJsConformanceCase = {
  api: "DeleteGroups",
  kafkaJsName: "DeleteGroups",
  // KafkaJS's DeleteGroups builder takes the group ids themselves, not an options object.
  requestArgs: () => [GROUP, "analytics"],
  expectedRequest: () => ({ groupsNames: [GROUP, "analytics"] }),
  response: () => ({
    throttleTimeMs: 9,
    results: [
      { groupId: GROUP, errorCode: 0 },
      { groupId: "analytics", errorCode: 0 },
    ],
  }),
  responseViews: {
    // KafkaJS quirk: v0 names it `throttleTimeMs`, and v1's rename to clientSideThrottleTime
    // reads a `throttleTime` that does not exist (deleteGroups/v1/response.js), so the value
    // stays under `throttleTimeMs` in both versions.
    throttleTimeMs: "throttleTimeMs",
  },
};

export const GROUP_CASES = [
  offsetCommit,
  offsetFetch,
  findCoordinator,
  joinGroup,
  heartbeat,
  leaveGroup,
  syncGroup,
  describeGroups,
  listGroups,
  deleteGroups,
];
