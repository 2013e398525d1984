import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { CoordinatorTestBed } from "../group/testing/coordinator-test-bed.ts";
import { commitRequest, GROUP, joinAll, syncAll } from "../group/testing/group-requests.ts";
import { offsetCommitHandler } from "./08-offset-commit.ts";
import { deleteGroupsHandler } from "./42-delete-groups.ts";

describe("DeleteGroups", () => {
  it("deletes an Empty group and its offsets with tombstones; refuses a group with members and one that does not exist", async () => {
    const bed = await CoordinatorTestBed.start();
    await bed.exchange(
      offsetCommitHandler,
      commitRequest({ orders: { 0: 5n, 1: 6n } }, { groupId: "old" }),
      8,
    );
    await syncAll(bed, await joinAll(bed, ["a"]));
    expect((await bed.stored("old")).offsets.offsetsOf("old")).toHaveLength(2);

    const answer = await bed.exchange(
      deleteGroupsHandler,
      { groupsNames: ["old", GROUP, "ghost", ""] },
      2,
    );
    expect(answer.results.map((r) => [r.groupId, r.errorCode])).toEqual([
      ["old", ErrorCode.NONE],
      [GROUP, ErrorCode.NON_EMPTY_GROUP],
      ["ghost", ErrorCode.GROUP_ID_NOT_FOUND],
      ["", ErrorCode.INVALID_GROUP_ID],
    ]);
    expect(bed.coordinator.group("old")).toBeUndefined();
    expect(bed.coordinator.fetchOffsets("old", null).offsets).toEqual([]);
    // A new coordinator replaying the log finds neither the group nor its offsets.
    const stored = await bed.stored("old");
    expect(stored.groups.has("old")).toBe(false);
    expect(stored.offsets.offsetsOf("old")).toEqual([]);
    expect(bed.events("group").some((e) => e.group === "old" && e.state === "Dead")).toBe(true);
  });

  it("answers NOT_COORDINATOR for groups another broker coordinates", async () => {
    const bed = await CoordinatorTestBed.start({ offsetsPartitions: 0 });
    const answer = await bed.exchange(deleteGroupsHandler, { groupsNames: ["g", "g"] }, 0);
    expect(answer.results).toEqual([{ groupId: "g", errorCode: ErrorCode.NOT_COORDINATOR }]);
  });
});
