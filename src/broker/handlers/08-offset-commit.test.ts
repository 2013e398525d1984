import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { OFFSETS_TOPIC } from "../group/offsets-topic.ts";
import { CoordinatorTestBed } from "../group/testing/coordinator-test-bed.ts";
import { commitRequest, GROUP, joinAll, syncAll } from "../group/testing/group-requests.ts";
import { offsetCommitHandler } from "./08-offset-commit.ts";

const errorsOf = (answer: {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[];
}) =>
  answer.topics.flatMap((t) => t.partitions.map((p) => [t.name, p.partitionIndex, p.errorCode]));

describe("OffsetCommit", () => {
  it("stores a member's commit in __consumer_offsets and answers once it is below the HW", async () => {
    const bed = await CoordinatorTestBed.start();
    const [member] = await joinAll(bed, ["a"]);
    await syncAll(bed, [member!]);
    const answer = await bed.exchange(
      offsetCommitHandler,
      commitRequest(
        { orders: { 0: 42n, 2: 7n } },
        { generationIdOrMemberEpoch: 1, memberId: member!.memberId },
      ),
      8,
    );
    expect(errorsOf(answer)).toEqual([
      ["orders", 0, ErrorCode.NONE],
      ["orders", 2, ErrorCode.NONE],
    ]);
    const stored = await bed.stored(GROUP);
    expect(stored.offsets.get(GROUP, "orders", 0)?.committed).toMatchObject({
      offset: 42n,
      metadata: "",
      expireTimestampMs: null,
    });
    expect(stored.offsets.get(GROUP, "orders", 2)?.committed.offset).toBe(7n);
    expect(
      bed.events("offset-commit").map((e) => [e.group, e.topic, e.partition, e.offset]),
    ).toEqual([
      [GROUP, "orders", 0, 42n],
      [GROUP, "orders", 2, 7n],
    ]);
  });

  it("waits for every in-sync replica (acks=all) and fails with COORDINATOR_NOT_AVAILABLE after offsets.commit.timeout.ms", async () => {
    const bed = await CoordinatorTestBed.start({ offsetsReplicas: [1, 2] });
    const pending = bed.send(offsetCommitHandler, commitRequest({ orders: { 0: 5n } }), 8);
    await bed.advance(1_000);
    expect(pending.settled).toBe(false);
    // The follower fetches past the commit: the HW moves and the commit is answered.
    const partition = bed.broker.partition(OFFSETS_TOPIC, bed.coordinator.partitionFor(GROUP));
    const replicas = bed.services.replicas;
    if (
      partition.recordFollowerFetch(2, partition.log.logEndOffset, bed.broker.clock.nowMs(), 30_000)
    )
      replicas.highWatermarkMoved(partition);
    await bed.advance(10);
    expect(errorsOf(await pending.promise)).toEqual([["orders", 0, ErrorCode.NONE]]);

    const stuck = bed.send(offsetCommitHandler, commitRequest({ orders: { 0: 6n } }), 8);
    await bed.advance(5_100);
    expect(errorsOf(await stuck.promise)).toEqual([
      ["orders", 0, ErrorCode.COORDINATOR_NOT_AVAILABLE],
    ]);
    expect(
      bed.coordinator.fetchOffsets(GROUP, [{ name: "orders", partitions: [0] }]).offsets[0]!.offset,
    ).toBe(5n);
  });

  it("creates a simple group for a commit without a generation, and keeps a v2 commit's own retention", async () => {
    const bed = await CoordinatorTestBed.start();
    const answer = await bed.exchange(
      offsetCommitHandler,
      commitRequest({ orders: { 1: 100n } }, { groupId: "tool", retentionTimeMs: 60_000n }),
      2,
    );
    expect(errorsOf(answer)).toEqual([["orders", 1, ErrorCode.NONE]]);
    expect(bed.coordinator.group("tool")).toMatchObject({ state: "Empty", protocolType: null });
    const committed = (await bed.stored("tool")).offsets.get("tool", "orders", 1)!.committed;
    expect(committed.expireTimestampMs).toBe(committed.commitTimestampMs + 60_000n);
  });

  it("answers per partition: UNKNOWN_TOPIC_OR_PARTITION for a topic the cluster lacks, OFFSET_METADATA_TOO_LARGE beyond offset.metadata.max.bytes", async () => {
    const bed = await CoordinatorTestBed.start();
    const request = commitRequest({ orders: { 0: 1n, 1: 2n }, missing: { 0: 3n } });
    request.topics[0]!.partitions[1]!.committedMetadata = "x".repeat(4097);
    const answer = await bed.exchange(offsetCommitHandler, request, 8);
    expect(errorsOf(answer)).toEqual([
      ["orders", 0, ErrorCode.NONE],
      ["orders", 1, ErrorCode.OFFSET_METADATA_TOO_LARGE],
      ["missing", 0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    ]);
  });

  it("accepts only a current member of the current generation of a group that manages members", async () => {
    const bed = await CoordinatorTestBed.start();
    const [member] = await joinAll(bed, ["a"]);
    const commit = async (fields: Parameters<typeof commitRequest>[1], version = 8) =>
      errorsOf(
        await bed.exchange(
          offsetCommitHandler,
          commitRequest({ orders: { 0: 1n } }, fields),
          version,
        ),
      )[0]![2];
    // CompletingRebalance: the member has its generation but not yet its assignment.
    expect(await commit({ generationIdOrMemberEpoch: 1, memberId: member!.memberId })).toBe(
      ErrorCode.REBALANCE_IN_PROGRESS,
    );
    await syncAll(bed, [member!]);
    expect(await commit({ generationIdOrMemberEpoch: 1, memberId: member!.memberId })).toBe(
      ErrorCode.NONE,
    );
    expect(await commit({ generationIdOrMemberEpoch: 0, memberId: member!.memberId })).toBe(
      ErrorCode.ILLEGAL_GENERATION,
    );
    expect(await commit({ generationIdOrMemberEpoch: 1, memberId: "test-stranger" })).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
    // Without member and generation, only an Empty group takes commits.
    expect(await commit({})).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(
      await commit(
        { generationIdOrMemberEpoch: 1, memberId: "x", groupInstanceId: "not-in-group" },
        7,
      ),
    ).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    // A group that does not exist: ILLEGAL_GENERATION, and GROUP_ID_NOT_FOUND from v9.
    expect(await commit({ groupId: "nope", generationIdOrMemberEpoch: 3, memberId: "m" })).toBe(
      ErrorCode.ILLEGAL_GENERATION,
    );
    expect(await commit({ groupId: "nope", generationIdOrMemberEpoch: 3, memberId: "m" }, 9)).toBe(
      ErrorCode.GROUP_ID_NOT_FOUND,
    );
    expect(await commit({ groupId: "" })).toBe(ErrorCode.INVALID_GROUP_ID);
  });

  it("answers NOT_COORDINATOR for a group whose partition another broker leads", async () => {
    const bed = await CoordinatorTestBed.start({ offsetsPartitions: 0 });
    const answer = await bed.exchange(offsetCommitHandler, commitRequest({ orders: { 0: 1n } }), 8);
    expect(errorsOf(answer)).toEqual([["orders", 0, ErrorCode.NOT_COORDINATOR]]);
  });
});
