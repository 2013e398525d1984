import { describe, expect, it } from "vitest";
import { ConfigResourceType, NO_LEADER } from "../metadata/metadata-image.ts";
import { ApiKey } from "../protocol/generated/api-table.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import {
  defaultAlterPartitionRequest,
  defaultAlterPartitionRequestPartitionData,
} from "../protocol/generated/messages/alter-partition-request.ts";
import {
  defaultElectLeadersRequest,
  type ElectLeadersRequest,
} from "../protocol/generated/messages/elect-leaders-request.ts";
import type { ElectLeadersResponse } from "../protocol/generated/messages/elect-leaders-response.ts";
import { defaultIncrementalAlterConfigsRequest } from "../protocol/generated/messages/incremental-alter-configs-request.ts";
import { ConfigOperation } from "./alter-configs.ts";
import { ElectionType } from "./elect-leaders.ts";
import { ControllerHarness } from "./testing/controller-harness.ts";

const SESSION_MS = 9000;

/** Topic `name` with manual replica lists, all brokers unfenced. */
async function cluster(
  assignments: number[][],
  properties: Record<string, string> = {},
  configs: Record<string, string> = {},
) {
  const h = new ControllerHarness({ properties }).activate();
  await h.startBrokers([1, 2, 3]);
  await h.createTopics([
    {
      name: "t",
      numPartitions: -1,
      replicationFactor: -1,
      assignments: assignments.map((brokerIds, partitionIndex) => ({ partitionIndex, brokerIds })),
      configs: Object.entries(configs).map(([name, value]) => ({ name, value })),
    },
  ]);
  return h;
}

/** The leader shrinks partition `index`'s ISR to `isr`. */
async function shrinkIsr(h: ControllerHarness, index: number, isr: number[]) {
  const partition = h.partition("t", index);
  await h.call(ApiKey.AlterPartition, {
    ...defaultAlterPartitionRequest(),
    brokerId: partition.leader,
    brokerEpoch: h.epochs.get(partition.leader)!,
    topics: [
      {
        topicName: "t",
        topicId: partition.topicId,
        partitions: [
          {
            ...defaultAlterPartitionRequestPartitionData(),
            partitionIndex: index,
            leaderEpoch: partition.leaderEpoch,
            partitionEpoch: partition.partitionEpoch,
            newIsrWithEpochs: isr.map((brokerId) => ({
              brokerId,
              brokerEpoch: h.epochs.get(brokerId)!,
            })),
          },
        ],
      },
    ],
  });
}

/** Broker `id` stops heartbeating; the others keep going until it is fenced. */
async function loseBroker(h: ControllerHarness, id: number) {
  h.clock.advance(SESSION_MS + 1);
  await h.heartbeatAll([1, 2, 3].filter((other) => other !== id));
  await h.tick();
  expect(h.image.brokers.get(id)!.fenced).toBe(true);
}

const electLeaders = (h: ControllerHarness, request: Partial<ElectLeadersRequest>) =>
  h.call<ElectLeadersResponse>(ApiKey.ElectLeaders, {
    ...defaultElectLeadersRequest(),
    ...request,
  });

describe("unclean leader election on failover", () => {
  it("is off by default: the partition waits, leaderless, for its last ISR member", async () => {
    const h = await cluster([[1, 2]]);
    await shrinkIsr(h, 0, [1]);
    await loseBroker(h, 1);
    expect(h.partition("t", 0)).toMatchObject({
      leader: NO_LEADER,
      isr: [1],
      leaderRecoveryState: 0,
    });
  });

  it("with the topic's unclean.leader.election.enable, elects the live out-of-ISR replica and marks it recovering", async () => {
    const h = await cluster([[1, 2]], {}, { "unclean.leader.election.enable": "true" });
    await shrinkIsr(h, 0, [1]);
    await loseBroker(h, 1);
    expect(h.partition("t", 0)).toMatchObject({
      leader: 2,
      isr: [2],
      leaderRecoveryState: 1,
      leaderEpoch: 1,
    });
  });

  it("takes the cluster-wide default, which the topic's own setting overrides", async () => {
    const h = await cluster([
      [1, 2],
      [1, 2],
    ]);
    await h.call(ApiKey.IncrementalAlterConfigs, {
      ...defaultIncrementalAlterConfigsRequest(),
      resources: [
        {
          resourceType: ConfigResourceType.BROKER,
          resourceName: "",
          configs: [
            {
              name: "unclean.leader.election.enable",
              configOperation: ConfigOperation.SET,
              value: "true",
            },
          ],
        },
        {
          resourceType: ConfigResourceType.TOPIC,
          resourceName: "t",
          configs: [
            {
              name: "unclean.leader.election.enable",
              configOperation: ConfigOperation.SET,
              value: "false",
            },
          ],
        },
      ],
    });
    await shrinkIsr(h, 0, [1]);
    await loseBroker(h, 1);
    expect(h.partition("t", 0).leader).toBe(NO_LEADER);
  });
  it("turned on for a partition already leaderless, elects at the next leader.imbalance.check.interval.seconds", async () => {
    const h = await cluster([[1, 2]], {
      "leader.imbalance.check.interval.seconds": "60",
      "auto.leader.rebalance.enable": "false",
    });
    await shrinkIsr(h, 0, [1]);
    await loseBroker(h, 1);
    await h.call(ApiKey.IncrementalAlterConfigs, {
      ...defaultIncrementalAlterConfigsRequest(),
      resources: [
        {
          resourceType: ConfigResourceType.TOPIC,
          resourceName: "t",
          configs: [
            {
              name: "unclean.leader.election.enable",
              configOperation: ConfigOperation.SET,
              value: "true",
            },
          ],
        },
      ],
    });
    expect(h.partition("t", 0).leader).toBe(NO_LEADER);
    h.clock.advance(60_000);
    await h.heartbeatAll([2, 3]);
    await h.tick();
    expect(h.partition("t", 0)).toMatchObject({ leader: 2, isr: [2], leaderRecoveryState: 1 });
  });
});

describe("ElectLeaders", () => {
  it("moves leadership back to the preferred replica, and says when no election is needed", async () => {
    const h = await cluster([
      [1, 2],
      [2, 1],
    ]);
    await loseBroker(h, 1);
    // Broker 1 returns; the leader of partition 0 (now 2) takes it back into the ISR.
    await h.heartbeat(1);
    await shrinkIsr(h, 0, [2, 1]);
    expect(h.partition("t", 0).leader).toBe(2);
    const response = await electLeaders(h, {
      electionType: ElectionType.PREFERRED,
      topicPartitions: [{ topic: "t", partitions: [0, 1, 9] }],
    });
    expect(response.errorCode).toBe(ErrorCode.NONE);
    expect(
      response.replicaElectionResults[0]!.partitionResult.map(({ partitionId, errorCode }) => [
        partitionId,
        errorCode,
      ]),
    ).toEqual([
      [0, ErrorCode.NONE],
      [1, ErrorCode.ELECTION_NOT_NEEDED],
      [9, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    ]);
    expect(h.partition("t", 0)).toMatchObject({ leader: 1, leaderEpoch: 2 });
  });

  it("answers PREFERRED_LEADER_NOT_AVAILABLE when the preferred replica is out of the ISR", async () => {
    const h = await cluster([[1, 2]]);
    await loseBroker(h, 1);
    await h.heartbeat(1);
    const response = await electLeaders(h, {
      electionType: ElectionType.PREFERRED,
      topicPartitions: [{ topic: "t", partitions: [0] }],
    });
    expect(response.replicaElectionResults[0]!.partitionResult[0]!.errorCode).toBe(
      ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE,
    );
  });

  it("with no partitions named, elects everywhere and lists only the partitions it tried", async () => {
    const h = await cluster([
      [1, 2],
      [2, 1],
    ]);
    const response = await electLeaders(h, {
      electionType: ElectionType.PREFERRED,
      topicPartitions: null,
    });
    expect(response.replicaElectionResults).toEqual([{ topic: "t", partitionResult: [] }]);
  });

  it("elects an out-of-ISR replica when asked for an unclean election", async () => {
    const h = await cluster([[1, 2]]);
    await shrinkIsr(h, 0, [1]);
    await loseBroker(h, 1);
    const response = await electLeaders(h, {
      electionType: ElectionType.UNCLEAN,
      topicPartitions: [{ topic: "t", partitions: [0] }],
    });
    expect(response.replicaElectionResults[0]!.partitionResult[0]!.errorCode).toBe(ErrorCode.NONE);
    expect(h.partition("t", 0)).toMatchObject({ leader: 2, isr: [2], leaderRecoveryState: 1 });
    const again = await electLeaders(h, {
      electionType: ElectionType.UNCLEAN,
      topicPartitions: [{ topic: "t", partitions: [0] }],
    });
    expect(again.replicaElectionResults[0]!.partitionResult[0]!.errorCode).toBe(
      ErrorCode.ELECTION_NOT_NEEDED,
    );
  });

  it("answers ELIGIBLE_LEADERS_NOT_AVAILABLE when no replica is live", async () => {
    const h = await cluster([[1]]);
    await loseBroker(h, 1);
    const response = await electLeaders(h, {
      electionType: ElectionType.UNCLEAN,
      topicPartitions: [{ topic: "t", partitions: [0] }],
    });
    expect(response.replicaElectionResults[0]!.partitionResult[0]!.errorCode).toBe(
      ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE,
    );
  });

  it("refuses an unknown election type", async () => {
    const h = await cluster([[1]]);
    const response = await electLeaders(h, {
      electionType: 5,
      topicPartitions: [{ topic: "t", partitions: [0] }],
    });
    expect(response.errorCode).toBe(ErrorCode.INVALID_REQUEST);
  });
});

describe("the periodic preferred-leader rebalance", () => {
  async function imbalanced(properties: Record<string, string>) {
    const h = await cluster(
      [
        [1, 2],
        [1, 2],
        [2, 1],
      ],
      properties,
    );
    await loseBroker(h, 1);
    await h.heartbeat(1);
    await shrinkIsr(h, 0, [2, 1]);
    await shrinkIsr(h, 1, [2, 1]);
    expect([0, 1].map((p) => h.partition("t", p).leader)).toEqual([2, 2]);
    return h;
  }

  it("gives leadership back to the preferred replica every leader.imbalance.check.interval.seconds", async () => {
    const h = await imbalanced({ "leader.imbalance.check.interval.seconds": "60" });
    await h.tick();
    expect(h.partition("t", 0).leader).toBe(2); // not due yet
    h.clock.advance(60_000);
    await h.heartbeatAll([1, 2, 3]);
    await h.tick();
    expect([0, 1, 2].map((p) => h.partition("t", p).leader)).toEqual([1, 1, 2]);
  });

  it("leaves leaders alone when auto.leader.rebalance.enable is false", async () => {
    const h = await imbalanced({
      "leader.imbalance.check.interval.seconds": "60",
      "auto.leader.rebalance.enable": "false",
    });
    h.clock.advance(60_000);
    await h.heartbeatAll([1, 2, 3]);
    await h.tick();
    expect(h.partition("t", 0).leader).toBe(2);
  });

  it("tolerates imbalance up to leader.imbalance.per.broker.percentage", async () => {
    const h = await imbalanced({
      "leader.imbalance.check.interval.seconds": "60",
      "leader.imbalance.per.broker.percentage": "100",
    });
    h.clock.advance(60_000);
    await h.heartbeatAll([1, 2, 3]);
    await h.tick();
    expect(h.partition("t", 0).leader).toBe(2);
  });
});
