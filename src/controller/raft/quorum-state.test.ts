import { directContext } from "../../server/testing/direct-context.ts";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../client/clock.ts";
import { ConnectionPool } from "../../client/connection-pool.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { VoteRequest } from "../../protocol/generated/messages/vote-request.ts";
import type { VoteResponse } from "../../protocol/generated/messages/vote-response.ts";
import { ZERO_UUID } from "../../protocol/primitives/uuid.ts";
import { METADATA_TOPIC_NAME } from "./metadata-partition.ts";
import { decodeQuorumState, encodeQuorumState, QuorumStateFile } from "./quorum-state-file.ts";
import { RaftNode } from "./raft-node.ts";
import { isCandidateLogUpToDate } from "./vote-handler.ts";

const DIRECTORY = "broker-1/__cluster_metadata-0";
const CLUSTER = "quorum-state-test-id00";

/** A node alone: its network reaches nobody, so only the requests handed to it matter. */
async function openAlone(fs: MemoryFileSystem, clock = new ManualClock(0)): Promise<RaftNode> {
  const unreachable = new ConnectionPool(
    "alone",
    () => null,
    () => null,
    clock,
  );
  return RaftNode.open({
    nodeId: 1,
    voters: [1, 2, 3],
    clusterId: CLUSTER,
    fs,
    directory: DIRECTORY,
    requester: unreachable,
    clock,
    random: () => 0.5,
  });
}

function voteRequest(
  candidateId: number,
  candidateEpoch: number,
  clusterId: string | null = CLUSTER,
): VoteRequest {
  return {
    clusterId,
    voterId: 1,
    topics: [
      {
        topicName: METADATA_TOPIC_NAME,
        partitions: [
          {
            partitionIndex: 0,
            candidateEpoch,
            candidateId,
            candidateDirectoryId: ZERO_UUID,
            voterDirectoryId: ZERO_UUID,
            lastOffsetEpoch: 0,
            lastOffset: 0n,
          },
        ],
      },
    ],
  };
}

async function vote(node: RaftNode, request: VoteRequest, apiVersion = 0): Promise<VoteResponse> {
  const handler = node.handlers.find((candidate) => candidate.apiKey === ApiKey.Vote)!;
  return (await handler.handle(
    request as never,
    directContext({ apiKey: ApiKey.Vote, apiVersion, correlationId: 1, clientId: "test" }),
  )) as VoteResponse;
}

describe("quorum-state file", () => {
  it("is Kafka's JSON, data_version 0", () => {
    const text = encodeQuorumState({ leaderEpoch: 2, leaderId: 1, votedId: -1 }, [1, 2, 3]);
    expect(text).toBe(
      '{"clusterId":"","leaderId":1,"leaderEpoch":2,"votedId":-1,"appliedOffset":0,"currentVoters":[{"voterId":1},{"voterId":2},{"voterId":3}],"data_version":0}',
    );
    expect(decodeQuorumState(text)).toEqual({ leaderEpoch: 2, leaderId: 1, votedId: -1 });
    // Kafka 3.9's data_version 1 (no voters, directory ids) reads too.
    expect(
      decodeQuorumState(
        '{"leaderId":-1,"leaderEpoch":7,"votedId":3,"votedDirectoryId":"J8aAPcfLQt2bqs1JT_rMgQ","data_version":1}',
      ),
    ).toEqual({ leaderEpoch: 7, leaderId: -1, votedId: 3 });
    expect(() => decodeQuorumState("not json")).toThrow(/not JSON/);
    expect(() => decodeQuorumState('{"leaderId":1,"leaderEpoch":2,"votedId":-1}')).toThrow(
      /data_version/,
    );
  });

  it("a vote is on disk before it is answered, and survives a restart: no second vote in that epoch", async () => {
    let fs = new MemoryFileSystem();
    const node = await openAlone(fs);
    const granted = await vote(node, voteRequest(2, 5));
    expect(granted.topics[0]!.partitions[0]).toMatchObject({
      errorCode: ErrorCode.NONE,
      voteGranted: true,
      leaderEpoch: 5,
      leaderId: -1,
    });
    expect(node.role).toBe("voted");
    expect(await new QuorumStateFile(fs, DIRECTORY).read()).toEqual({
      leaderEpoch: 5,
      leaderId: -1,
      votedId: 2,
    });
    expect((await vote(node, voteRequest(3, 5))).topics[0]!.partitions[0]!.voteGranted).toBe(false);

    // Killed, memory gone; a power cut keeps only what was flushed.
    fs = fs.crash({ mode: "power" });
    const restarted = await openAlone(fs);
    expect(restarted.role).toBe("voted");
    expect(restarted.epoch).toBe(5);
    expect((await vote(restarted, voteRequest(3, 5))).topics[0]!.partitions[0]!.voteGranted).toBe(
      false,
    );
    // The same candidate may ask again (a lost answer); a newer epoch is a new vote.
    expect((await vote(restarted, voteRequest(2, 5))).topics[0]!.partitions[0]!.voteGranted).toBe(
      true,
    );
    expect((await vote(restarted, voteRequest(3, 6))).topics[0]!.partitions[0]!.voteGranted).toBe(
      true,
    );
    expect(restarted.epoch).toBe(6);
    await restarted.close();
  });

  it("Vote answers Kafka's errors for old epochs, strangers and other clusters", async () => {
    const node = await openAlone(new MemoryFileSystem());
    await vote(node, voteRequest(2, 4));
    const fenced = (await vote(node, voteRequest(3, 3))).topics[0]!.partitions[0]!;
    expect(fenced).toMatchObject({
      errorCode: ErrorCode.FENCED_LEADER_EPOCH,
      voteGranted: false,
      leaderEpoch: 4,
    });
    const stranger = (await vote(node, voteRequest(9, 7))).topics[0]!.partitions[0]!;
    expect(stranger.errorCode).toBe(ErrorCode.INCONSISTENT_VOTER_SET);
    expect(node.epoch).toBe(4);
    const otherCluster = await vote(node, voteRequest(2, 9, "another-cluster"));
    expect(otherCluster.errorCode).toBe(ErrorCode.INCONSISTENT_CLUSTER_ID);
    const wrongVoter = (await vote(node, { ...voteRequest(2, 9), voterId: 3 }, 1)).topics[0]!
      .partitions[0]!;
    expect(wrongVoter.errorCode).toBe(ErrorCode.INVALID_VOTER_KEY);
    const wrongTopic = await vote(node, {
      ...voteRequest(2, 9),
      topics: [{ topicName: "orders", partitions: [] }],
    });
    expect(wrongTopic.errorCode).toBe(ErrorCode.INVALID_REQUEST);
    await node.close();
  });

  it("grants only to a candidate whose log is at least as up to date", () => {
    const local = { lastEpoch: 3, endOffset: 10n };
    expect(isCandidateLogUpToDate({ lastEpoch: 3, endOffset: 10n }, local)).toBe(true);
    expect(isCandidateLogUpToDate({ lastEpoch: 3, endOffset: 9n }, local)).toBe(false);
    expect(isCandidateLogUpToDate({ lastEpoch: 4, endOffset: 1n }, local)).toBe(true);
    expect(isCandidateLogUpToDate({ lastEpoch: 2, endOffset: 99n }, local)).toBe(false);
  });
});
