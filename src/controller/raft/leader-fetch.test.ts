import { directContext } from "../../server/testing/direct-context.ts";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../client/clock.ts";
import { ConnectionPool } from "../../client/connection-pool.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  defaultFetchRequest,
  defaultFetchRequestFetchPartition,
  type FetchRequest,
} from "../../protocol/generated/messages/fetch-request.ts";
import type {
  FetchResponse,
  FetchResponsePartitionData,
} from "../../protocol/generated/messages/fetch-response.ts";
import { scanRecordBatches } from "../../protocol/records/record-batch.ts";
import { METADATA_TOPIC_ID, METADATA_TOPIC_NAME } from "./metadata-partition.ts";
import { RaftNode } from "./raft-node.ts";

const CLUSTER = "leader-fetch-test-id00";
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A lone voter leads after one tick; it answers fetches from observers. */
async function loneLeader(clock: ManualClock): Promise<RaftNode> {
  const unreachable = new ConnectionPool(
    "alone",
    () => null,
    () => null,
    clock,
  );
  const node = await RaftNode.open({
    nodeId: 1,
    voters: [1],
    clusterId: CLUSTER,
    fs: new MemoryFileSystem(),
    directory: "broker-1/__cluster_metadata-0",
    requester: unreachable,
    clock,
    random: () => 0,
  });
  node.tick();
  await settle();
  expect(node.role).toBe("leader");
  return node;
}

function fetchRequest(fields: {
  fetchOffset: bigint;
  lastFetchedEpoch: number;
  currentLeaderEpoch: number;
  maxWaitMs?: number;
  clusterId?: string;
  topicId?: string;
}): FetchRequest {
  return {
    ...defaultFetchRequest(),
    clusterId: fields.clusterId ?? CLUSTER,
    replicaState: { replicaId: 7, replicaEpoch: -1n },
    maxWaitMs: fields.maxWaitMs ?? 0,
    topics: [
      {
        topic: METADATA_TOPIC_NAME,
        topicId: fields.topicId ?? METADATA_TOPIC_ID,
        partitions: [
          {
            ...defaultFetchRequestFetchPartition(),
            partition: 0,
            fetchOffset: fields.fetchOffset,
            lastFetchedEpoch: fields.lastFetchedEpoch,
            currentLeaderEpoch: fields.currentLeaderEpoch,
            partitionMaxBytes: 1 << 20,
          },
        ],
      },
    ],
  };
}

function fetch(node: RaftNode, request: FetchRequest, apiVersion = 16): Promise<FetchResponse> {
  const handler = node.handlers.find((candidate) => candidate.apiKey === ApiKey.Fetch)!;
  return Promise.resolve(
    handler.handle(
      request as never,
      directContext({ apiKey: ApiKey.Fetch, apiVersion, correlationId: 1, clientId: "test" }),
    ),
  ) as Promise<FetchResponse>;
}

const partitionOf = (response: FetchResponse): FetchResponsePartitionData =>
  response.responses[0]!.partitions[0]!;

describe("Fetch at the leader", () => {
  it("answers records, the HW and the leader, and tracks the observer", async () => {
    const clock = new ManualClock(1000);
    const node = await loneLeader(clock);
    await node.append([new Uint8Array([1]), new Uint8Array([2])]);
    const answer = partitionOf(
      await fetch(
        node,
        fetchRequest({ fetchOffset: 0n, lastFetchedEpoch: 0, currentLeaderEpoch: 1 }),
      ),
    );
    expect(answer.errorCode).toBe(ErrorCode.NONE);
    expect(answer.highWatermark).toBe(3n);
    expect(answer.currentLeader).toEqual({ leaderId: 1, leaderEpoch: 1 });
    const batches = scanRecordBatches(answer.records!).batches;
    expect(
      batches.map((batch) => [batch.baseOffset, batch.isControl, batch.partitionLeaderEpoch]),
    ).toEqual([
      [0n, true, 1],
      [1n, false, 1],
    ]);
    await node.close();
  });

  it("tells a follower with a divergent log where to truncate", async () => {
    const node = await loneLeader(new ManualClock(0));
    await node.append([new Uint8Array([1])]);
    // The fetcher claims offsets up to 5 in epoch 1, but epoch 1 ends at 2 here.
    const answer = partitionOf(
      await fetch(
        node,
        fetchRequest({ fetchOffset: 5n, lastFetchedEpoch: 1, currentLeaderEpoch: 1 }),
      ),
    );
    expect(answer.errorCode).toBe(ErrorCode.NONE);
    expect(answer.divergingEpoch).toEqual({ epoch: 1, endOffset: 2n });
    expect(answer.records!.length).toBe(0);
    await node.close();
  });

  it("holds a fetch with nothing new until records arrive or its wait runs out", async () => {
    const clock = new ManualClock(0);
    const node = await loneLeader(clock);
    let answered: FetchResponse | null = null;
    void fetch(
      node,
      fetchRequest({
        fetchOffset: 1n,
        lastFetchedEpoch: 1,
        currentLeaderEpoch: 1,
        maxWaitMs: 5000,
      }),
    ).then((response) => (answered = response));
    await settle();
    // The first answer tells the new HW at once; the next one waits.
    expect(answered).not.toBeNull();
    answered = null;
    void fetch(
      node,
      fetchRequest({
        fetchOffset: 1n,
        lastFetchedEpoch: 1,
        currentLeaderEpoch: 1,
        maxWaitMs: 5000,
      }),
    ).then((response) => (answered = response));
    await settle();
    expect(answered).toBeNull();
    await node.append([new Uint8Array([9])]);
    await settle();
    expect(scanRecordBatches(partitionOf(answered!).records!).batches[0]!.baseOffset).toBe(1n);

    answered = null;
    void fetch(
      node,
      fetchRequest({
        fetchOffset: 2n,
        lastFetchedEpoch: 1,
        currentLeaderEpoch: 1,
        maxWaitMs: 5000,
      }),
    ).then((response) => (answered = response));
    await settle();
    expect(answered).toBeNull();
    // Held at most fetchMaxWaitMs (500), whatever the request asked.
    clock.advance(490);
    node.tick();
    await settle();
    expect(answered).toBeNull();
    clock.advance(10);
    node.tick();
    await settle();
    expect(partitionOf(answered!).records!.length).toBe(0);
    await node.close();
  });

  it("refuses fetches from other clusters, for other topics, or in other epochs", async () => {
    const node = await loneLeader(new ManualClock(0));
    const otherCluster = await fetch(
      node,
      fetchRequest({
        fetchOffset: 0n,
        lastFetchedEpoch: 0,
        currentLeaderEpoch: 1,
        clusterId: "elsewhere",
      }),
    );
    expect(otherCluster.errorCode).toBe(ErrorCode.INCONSISTENT_CLUSTER_ID);
    const otherTopic = await fetch(
      node,
      fetchRequest({
        fetchOffset: 0n,
        lastFetchedEpoch: 0,
        currentLeaderEpoch: 1,
        topicId: "AAAAAAAAAAAAAAAAAAAAAg",
      }),
    );
    expect(partitionOf(otherTopic).errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_ID);
    const stale = partitionOf(
      await fetch(
        node,
        fetchRequest({ fetchOffset: 0n, lastFetchedEpoch: 0, currentLeaderEpoch: 0 }),
      ),
    );
    expect(stale.errorCode).toBe(ErrorCode.FENCED_LEADER_EPOCH);
    expect(stale.currentLeader).toEqual({ leaderId: 1, leaderEpoch: 1 });
    const future = partitionOf(
      await fetch(
        node,
        fetchRequest({ fetchOffset: 0n, lastFetchedEpoch: 0, currentLeaderEpoch: 2 }),
      ),
    );
    expect(future.errorCode).toBe(ErrorCode.UNKNOWN_LEADER_EPOCH);
    const negative = partitionOf(
      await fetch(
        node,
        fetchRequest({ fetchOffset: -1n, lastFetchedEpoch: 0, currentLeaderEpoch: 1 }),
      ),
    );
    expect(negative.errorCode).toBe(ErrorCode.INVALID_REQUEST);
    // Fetch v13/v14 name the replica in replicaId instead of ReplicaState.
    const old = await fetch(
      node,
      {
        ...fetchRequest({ fetchOffset: 0n, lastFetchedEpoch: 0, currentLeaderEpoch: 1 }),
        replicaId: 8,
      },
      13,
    );
    expect(partitionOf(old).errorCode).toBe(ErrorCode.NONE);
    await node.close();
    const closed = partitionOf(
      await fetch(
        node,
        fetchRequest({ fetchOffset: 0n, lastFetchedEpoch: 0, currentLeaderEpoch: 1 }),
      ),
    );
    expect(closed.errorCode).toBe(ErrorCode.BROKER_NOT_AVAILABLE);
  });
});
