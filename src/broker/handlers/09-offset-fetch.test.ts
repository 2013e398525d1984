import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  defaultOffsetFetchRequest,
  type OffsetFetchRequest,
} from "../../protocol/generated/messages/offset-fetch-request.ts";
import { CoordinatorTestBed } from "../group/testing/coordinator-test-bed.ts";
import { commitRequest, GROUP } from "../group/testing/group-requests.ts";
import { offsetCommitHandler } from "./08-offset-commit.ts";
import { offsetFetchHandler } from "./09-offset-fetch.ts";

const fetchRequest = (fields: Partial<OffsetFetchRequest>): OffsetFetchRequest => ({
  ...defaultOffsetFetchRequest(),
  groupId: GROUP,
  ...fields,
});

async function withCommits(options = {}) {
  const bed = await CoordinatorTestBed.start(options);
  const request = commitRequest({ orders: { 0: 10n, 2: 30n } });
  request.topics[0]!.partitions[0]!.committedMetadata = "checkpoint-a";
  request.topics[0]!.partitions[0]!.committedLeaderEpoch = 4;
  await bed.exchange(offsetCommitHandler, request, 8);
  await bed.exchange(
    offsetCommitHandler,
    commitRequest({ orders: { 1: 99n } }, { groupId: "other" }),
    8,
  );
  return bed;
}

describe("OffsetFetch", () => {
  it("answers the committed offsets asked for, -1 with empty metadata where none was committed", async () => {
    const bed = await withCommits();
    const answer = await bed.exchange(
      offsetFetchHandler,
      fetchRequest({ topics: [{ name: "orders", partitionIndexes: [0, 1] }] }),
      5,
    );
    expect(answer.errorCode).toBe(ErrorCode.NONE);
    expect(answer.topics[0]!.partitions).toEqual([
      {
        partitionIndex: 0,
        committedOffset: 10n,
        committedLeaderEpoch: 4,
        metadata: "checkpoint-a",
        errorCode: 0,
      },
      {
        partitionIndex: 1,
        committedOffset: -1n,
        committedLeaderEpoch: -1,
        metadata: "",
        errorCode: 0,
      },
    ]);
  });

  it("answers every committed offset when v2+ asks for no particular topics", async () => {
    const bed = await withCommits();
    const answer = await bed.exchange(
      offsetFetchHandler,
      fetchRequest({ topics: null, requireStable: true }),
      7,
    );
    expect(
      answer.topics.map((t) => [
        t.name,
        t.partitions.map((p) => [p.partitionIndex, p.committedOffset]),
      ]),
    ).toEqual([
      [
        "orders",
        [
          [0, 10n],
          [2, 30n],
        ],
      ],
    ]);
  });

  it("answers many groups at once from v8, each with its own error", async () => {
    const bed = await withCommits();
    const answer = await bed.exchange(
      offsetFetchHandler,
      fetchRequest({
        groups: [
          {
            groupId: GROUP,
            memberId: null,
            memberEpoch: -1,
            topics: [{ name: "orders", partitionIndexes: [2] }],
          },
          { groupId: "other", memberId: null, memberEpoch: -1, topics: null },
          { groupId: "", memberId: null, memberEpoch: -1, topics: null },
        ],
      }),
      8,
    );
    expect(
      answer.groups.map((g) => [
        g.groupId,
        g.errorCode,
        g.topics.flatMap((t) => t.partitions.map((p) => p.committedOffset)),
      ]),
    ).toEqual([
      [GROUP, ErrorCode.NONE, [30n]],
      ["other", ErrorCode.NONE, [99n]],
      ["", ErrorCode.INVALID_GROUP_ID, []],
    ]);
  });

  it("puts a coordinator error on the top level from v2, and on each partition asked for in v1", async () => {
    const bed = await CoordinatorTestBed.start({ offsetsPartitions: 0 });
    const topics = [{ name: "orders", partitionIndexes: [0, 1] }];
    const v3 = await bed.exchange(offsetFetchHandler, fetchRequest({ topics }), 3);
    expect(v3.errorCode).toBe(ErrorCode.NOT_COORDINATOR);
    expect(v3.topics).toEqual([]);
    const v1 = await bed.exchange(offsetFetchHandler, fetchRequest({ topics }), 1);
    expect(
      v1.topics[0]!.partitions.map((p) => [p.partitionIndex, p.committedOffset, p.errorCode]),
    ).toEqual([
      [0, -1n, ErrorCode.NOT_COORDINATOR],
      [1, -1n, ErrorCode.NOT_COORDINATOR],
    ]);
  });

  it("answers COORDINATOR_LOAD_IN_PROGRESS until a new coordinator has replayed the partition, then the same offsets", async () => {
    const bed = await withCommits();
    const loading = bed.startLoadingCoordinator();
    expect(loading.fetchOffsets(GROUP, null).errorCode).toBe(
      ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
    );
    await bed.advance(10);
    const after = await bed.exchange(offsetFetchHandler, fetchRequest({ topics: null }), 6);
    expect(after.topics[0]!.partitions.map((p) => p.committedOffset)).toEqual([10n, 30n]);
  });
});
