import { describe, expect, it } from "vitest";
import { ApiKey } from "../protocol/generated/api-table.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import {
  defaultAlterPartitionRequest,
  defaultAlterPartitionRequestPartitionData,
  type AlterPartitionRequestPartitionData,
} from "../protocol/generated/messages/alter-partition-request.ts";
import type { AlterPartitionResponse } from "../protocol/generated/messages/alter-partition-response.ts";
import { ControllerHarness } from "./testing/controller-harness.ts";

async function setUp() {
  const h = new ControllerHarness().activate();
  await h.startBrokers([1, 2, 3]);
  await h.createTopics([
    {
      name: "t",
      numPartitions: -1,
      replicationFactor: -1,
      assignments: [{ partitionIndex: 0, brokerIds: [1, 2, 3] }],
    },
  ]);
  const topicId = h.image.topicsByName.get("t")!.id;
  const alter = (
    brokerId: number,
    data: Partial<AlterPartitionRequestPartitionData>,
    version = 3,
    brokerEpoch = h.epochs.get(brokerId)!,
  ) =>
    h.call<AlterPartitionResponse>(
      ApiKey.AlterPartition,
      {
        ...defaultAlterPartitionRequest(),
        brokerId,
        brokerEpoch,
        topics: [
          {
            topicName: "t",
            topicId,
            partitions: [
              { ...defaultAlterPartitionRequestPartitionData(), partitionIndex: 0, ...data },
            ],
          },
        ],
      },
      version,
    );
  const isr = (...ids: number[]) =>
    ids.map((brokerId) => ({ brokerId, brokerEpoch: h.epochs.get(brokerId)! }));
  return { h, alter, isr };
}

describe("AlterPartition", () => {
  it("shrinks and expands the ISR, bumping only the partition epoch", async () => {
    const { h, alter, isr } = await setUp();
    const shrunk = await alter(1, {
      leaderEpoch: 0,
      partitionEpoch: 0,
      newIsrWithEpochs: isr(1, 2),
    });
    expect(shrunk.errorCode).toBe(ErrorCode.NONE);
    expect(shrunk.topics[0]!.partitions[0]).toMatchObject({
      errorCode: ErrorCode.NONE,
      leaderId: 1,
      leaderEpoch: 0,
      isr: [1, 2],
      partitionEpoch: 1,
    });
    expect(h.partition("t", 0)).toMatchObject({ isr: [1, 2], leaderEpoch: 0, partitionEpoch: 1 });
    expect(h.events).toContainEqual({
      kind: "isr-changed",
      node: 0,
      topic: "t",
      partition: 0,
      isr: [1, 2],
      leaderEpoch: 0,
      partitionEpoch: 1,
    });

    const expanded = await alter(1, {
      leaderEpoch: 0,
      partitionEpoch: 1,
      newIsrWithEpochs: isr(1, 2, 3),
    });
    expect(expanded.topics[0]!.partitions[0]).toMatchObject({ isr: [1, 2, 3], partitionEpoch: 2 });
  });

  it("checks epochs: old leader epoch, old partition epoch, epochs from the future", async () => {
    const { alter, isr } = await setUp();
    await alter(1, { leaderEpoch: 0, partitionEpoch: 0, newIsrWithEpochs: isr(1, 2) });
    const stalePartitionEpoch = await alter(1, {
      leaderEpoch: 0,
      partitionEpoch: 0,
      newIsrWithEpochs: isr(1),
    });
    expect(stalePartitionEpoch.topics[0]!.partitions[0]!.errorCode).toBe(
      ErrorCode.INVALID_UPDATE_VERSION,
    );
    const ahead = await alter(1, { leaderEpoch: 5, partitionEpoch: 1, newIsrWithEpochs: isr(1) });
    expect(ahead.topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.NOT_CONTROLLER);
  });

  it("fences a leader with an old leader epoch and refuses a request from a non-leader", async () => {
    const { h, alter, isr } = await setUp();
    // Broker 1 loses its session: 2 leads at leader epoch 1.
    h.clock.advance(9001);
    await h.heartbeatAll([2, 3]);
    await h.tick();
    expect(h.partition("t", 0)).toMatchObject({ leader: 2, leaderEpoch: 1 });
    const oldLeader = await alter(1, {
      leaderEpoch: 0,
      partitionEpoch: 0,
      newIsrWithEpochs: isr(1),
    });
    expect(oldLeader.topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.FENCED_LEADER_EPOCH);
    const partition = h.partition("t", 0);
    const notLeader = await alter(3, {
      leaderEpoch: partition.leaderEpoch,
      partitionEpoch: partition.partitionEpoch,
      newIsrWithEpochs: isr(3),
    });
    expect(notLeader.topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.INVALID_REQUEST);
  });

  it("refuses fenced, shutting-down or re-registered brokers in the new ISR with INELIGIBLE_REPLICA", async () => {
    const { h, alter, isr } = await setUp();
    await alter(1, { leaderEpoch: 0, partitionEpoch: 0, newIsrWithEpochs: isr(1, 2) });
    await h.heartbeat(3, { wantFence: true });
    const fenced = await alter(1, {
      leaderEpoch: 0,
      partitionEpoch: 1,
      newIsrWithEpochs: isr(1, 2, 3),
    });
    expect(fenced.topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.INELIGIBLE_REPLICA);
    const oldEpoch = await alter(1, {
      leaderEpoch: 0,
      partitionEpoch: 1,
      newIsrWithEpochs: [...isr(1), { brokerId: 2, brokerEpoch: 999n }],
    });
    expect(oldEpoch.topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.INELIGIBLE_REPLICA);
    const v1 = await alter(1, { leaderEpoch: 0, partitionEpoch: 1, newIsr: [1, 2, 3] }, 1);
    expect(v1.topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.OPERATION_NOT_ATTEMPTED);
  });

  it("refuses an ISR without the leader or with a non-replica", async () => {
    const { alter, isr } = await setUp();
    expect(
      (await alter(1, { leaderEpoch: 0, partitionEpoch: 0, newIsrWithEpochs: isr(2, 3) }))
        .topics[0]!.partitions[0]!.errorCode,
    ).toBe(ErrorCode.INVALID_REQUEST);
    expect(
      (
        await alter(1, {
          leaderEpoch: 0,
          partitionEpoch: 0,
          newIsrWithEpochs: [...isr(1), { brokerId: 7, brokerEpoch: -1n }],
        })
      ).topics[0]!.partitions[0]!.errorCode,
    ).toBe(ErrorCode.INVALID_REQUEST);
  });

  it("answers a stale broker epoch for the whole request, and unknown topics per partition", async () => {
    const { h, alter } = await setUp();
    const stale = await alter(1, { leaderEpoch: 0, partitionEpoch: 0, newIsr: [1] }, 3, 77n);
    expect(stale).toMatchObject({ errorCode: ErrorCode.STALE_BROKER_EPOCH, topics: [] });
    const unknown = await h.call<AlterPartitionResponse>(ApiKey.AlterPartition, {
      ...defaultAlterPartitionRequest(),
      brokerId: 1,
      brokerEpoch: h.epochs.get(1)!,
      topics: [
        {
          topicName: "nope",
          topicId: "AAAAAAAAAAAAAAAAAAAAAg",
          partitions: [{ ...defaultAlterPartitionRequestPartitionData(), partitionIndex: 0 }],
        },
      ],
    });
    expect(unknown.topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_ID);
  });
});
