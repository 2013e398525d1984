import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { OffsetDeleteResponse } from "../../protocol/generated/messages/offset-delete-response.ts";
import { CoordinatorTestBed, subscription } from "../group/testing/coordinator-test-bed.ts";
import { commitRequest, GROUP, joinAll, syncAll } from "../group/testing/group-requests.ts";
import { offsetCommitHandler } from "./08-offset-commit.ts";
import { offsetDeleteHandler } from "./47-offset-delete.ts";

const deleteRequest = (groupId: string, topics: Record<string, number[]>) => ({
  groupId,
  topics: Object.entries(topics).map(([name, partitions]) => ({
    name,
    partitions: partitions.map((partitionIndex) => ({ partitionIndex })),
  })),
});
const errorsOf = (answer: OffsetDeleteResponse) =>
  answer.topics.flatMap((t) => t.partitions.map((p) => [t.name, p.partitionIndex, p.errorCode]));

describe("OffsetDelete", () => {
  it("deletes an Empty group's offsets (tombstones), and answers unknown topics UNKNOWN_TOPIC_OR_PARTITION", async () => {
    const bed = await CoordinatorTestBed.start();
    await bed.exchange(
      offsetCommitHandler,
      commitRequest({ orders: { 0: 5n, 1: 6n } }, { groupId: "tool" }),
      8,
    );
    const answer = await bed.exchange(
      offsetDeleteHandler,
      deleteRequest("tool", { orders: [0], nope: [0] }),
      0,
    );
    expect(answer.errorCode).toBe(ErrorCode.NONE);
    expect(errorsOf(answer)).toEqual([
      ["orders", 0, ErrorCode.NONE],
      ["nope", 0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    ]);
    expect(bed.coordinator.fetchOffsets("tool", null).offsets.map((o) => o.partition)).toEqual([1]);
    expect((await bed.stored("tool")).offsets.offsetsOf("tool").map((o) => o.partition)).toEqual([
      1,
    ]);
  });

  it("keeps the offsets of topics a consumer group with members is subscribed to: GROUP_SUBSCRIBED_TO_TOPIC", async () => {
    const bed = await CoordinatorTestBed.start();
    const members = await joinAll(bed, ["a"], {
      protocols: [{ name: "range", metadata: subscription(["orders"]) }],
    });
    await syncAll(bed, members);
    await bed.exchange(
      offsetCommitHandler,
      commitRequest(
        { orders: { 0: 1n }, elsewhere: { 0: 2n } },
        { generationIdOrMemberEpoch: 1, memberId: members[0]!.memberId },
      ),
      8,
    );
    const answer = await bed.exchange(
      offsetDeleteHandler,
      deleteRequest(GROUP, { orders: [0], elsewhere: [0] }),
      0,
    );
    expect(errorsOf(answer)).toEqual([
      ["orders", 0, ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC],
      ["elsewhere", 0, ErrorCode.NONE],
    ]);
    expect(bed.coordinator.fetchOffsets(GROUP, null).offsets.map((o) => o.topic)).toEqual([
      "orders",
    ]);
  });

  it("refuses a non-empty group of another protocol (NON_EMPTY_GROUP) and a group that does not exist (GROUP_ID_NOT_FOUND)", async () => {
    const bed = await CoordinatorTestBed.start();
    await syncAll(
      bed,
      await joinAll(bed, ["a"], { groupId: "connect-cluster", protocolType: "connect" }),
    );
    const nonEmpty = await bed.exchange(
      offsetDeleteHandler,
      deleteRequest("connect-cluster", { orders: [0] }),
      0,
    );
    expect(nonEmpty).toMatchObject({ errorCode: ErrorCode.NON_EMPTY_GROUP, topics: [] });
    const ghost = await bed.exchange(
      offsetDeleteHandler,
      deleteRequest("ghost", { orders: [0] }),
      0,
    );
    expect(ghost.errorCode).toBe(ErrorCode.GROUP_ID_NOT_FOUND);
    const empty = await bed.exchange(offsetDeleteHandler, deleteRequest("", { orders: [0] }), 0);
    expect(empty.errorCode).toBe(ErrorCode.INVALID_GROUP_ID);
  });
});
