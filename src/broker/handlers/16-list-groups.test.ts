import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { CoordinatorTestBed } from "../group/testing/coordinator-test-bed.ts";
import { commitRequest, joinAll, syncAll } from "../group/testing/group-requests.ts";
import { offsetCommitHandler } from "./08-offset-commit.ts";
import { listGroupsHandler } from "./16-list-groups.ts";

describe("ListGroups", () => {
  it("lists the groups this broker coordinates, filtered by state (v4+, any case) and type (v5)", async () => {
    const bed = await CoordinatorTestBed.start();
    await syncAll(bed, await joinAll(bed, ["a"]));
    await bed.exchange(
      offsetCommitHandler,
      commitRequest({ orders: { 0: 1n } }, { groupId: "offsets-only" }),
      8,
    );
    const all = await bed.exchange(listGroupsHandler, { statesFilter: [], typesFilter: [] }, 5);
    expect(all.errorCode).toBe(ErrorCode.NONE);
    expect(all.groups).toEqual([
      { groupId: "payments", protocolType: "consumer", groupState: "Stable", groupType: "classic" },
      { groupId: "offsets-only", protocolType: "", groupState: "Empty", groupType: "classic" },
    ]);
    const stable = await bed.exchange(
      listGroupsHandler,
      { statesFilter: ["STABLE"], typesFilter: [] },
      4,
    );
    expect(stable.groups.map((g) => g.groupId)).toEqual(["payments"]);
    const consumerType = await bed.exchange(
      listGroupsHandler,
      { statesFilter: [], typesFilter: ["consumer"] },
      5,
    );
    expect(consumerType.groups).toEqual([]);
    const v0 = await bed.exchange(listGroupsHandler, { statesFilter: [], typesFilter: [] }, 0);
    expect(v0.groups.map((g) => [g.groupId, g.protocolType])).toEqual([
      ["payments", "consumer"],
      ["offsets-only", ""],
    ]);
  });

  it("answers COORDINATOR_LOAD_IN_PROGRESS while a partition is still loading", async () => {
    const bed = await CoordinatorTestBed.start();
    const loading = bed.startLoadingCoordinator();
    expect(loading.listGroups([], []).errorCode).toBe(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
    await bed.advance(10);
    expect(loading.listGroups([], []).errorCode).toBe(ErrorCode.NONE);
  });
});
