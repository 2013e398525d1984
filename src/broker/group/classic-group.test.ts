import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  ClassicGroupMember,
  type JoinResult,
  type MemberProtocol,
} from "./classic-group-member.ts";
import {
  CLASSIC_GROUP_STATES,
  canTransition,
  type ClassicGroupState,
} from "./classic-group-state.ts";
import { ClassicGroup } from "./classic-group.ts";

const protocols = (...names: string[]): MemberProtocol[] =>
  names.map((name) => ({ name, metadata: new TextEncoder().encode(name) }));

function member(
  memberId: string,
  names: string[] = ["range"],
  groupInstanceId: string | null = null,
) {
  return new ClassicGroupMember({
    memberId,
    groupInstanceId,
    clientId: "client",
    clientHost: "",
    rebalanceTimeoutMs: 30_000,
    sessionTimeoutMs: 10_000,
    protocolType: "consumer",
    protocols: protocols(...names),
  });
}

const parked = (): ((result: JoinResult) => void) => () => {};

describe("the classic group state machine", () => {
  it("allows exactly Kafka's transitions", () => {
    const allowed: [ClassicGroupState, ClassicGroupState][] = [
      ["Empty", "PreparingRebalance"],
      ["Stable", "PreparingRebalance"],
      ["CompletingRebalance", "PreparingRebalance"],
      ["PreparingRebalance", "CompletingRebalance"],
      ["PreparingRebalance", "Empty"],
      ["CompletingRebalance", "Stable"],
      ...CLASSIC_GROUP_STATES.map((from): [ClassicGroupState, ClassicGroupState] => [from, "Dead"]),
    ];
    for (const from of CLASSIC_GROUP_STATES) {
      for (const to of CLASSIC_GROUP_STATES) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(expected);
      }
    }
    const group = new ClassicGroup("g", "Empty", 0);
    expect(() => group.transitionTo("Stable", 1)).toThrow();
    group.transitionTo("PreparingRebalance", 5);
    expect(group.currentStateTimestampMs).toBe(5);
    expect(group.previousState).toBe("Empty");
  });

  it("makes the first member the leader, and the next member in join order when the leader leaves", () => {
    const group = new ClassicGroup("g", "Empty", 0);
    group.add(member("a"));
    group.add(member("b"));
    group.add(member("c"));
    expect(group.leaderId).toBe("a");
    group.remove("a");
    expect(group.leaderId).toBe("b");
    group.remove("b");
    group.remove("c");
    expect(group.leaderId).toBeNull();
  });

  it("elects a member that rejoined when the leader did not", () => {
    const group = new ClassicGroup("g", "Empty", 0);
    group.add(member("a"));
    group.add(member("b"), parked());
    expect(group.maybeElectNewJoinedLeader()).toBe(true);
    expect(group.leaderId).toBe("b");
    group.member("b")!.awaitJoin(null);
    expect(group.maybeElectNewJoinedLeader()).toBe(false);
  });

  it("selects, among protocols every member supports, the one most members prefer", () => {
    const group = new ClassicGroup("g", "Empty", 0);
    group.add(member("a", ["roundrobin", "range"]));
    group.add(member("b", ["roundrobin", "range", "sticky"]));
    group.add(member("c", ["range", "roundrobin"]));
    expect(group.selectProtocol()).toBe("roundrobin");
    group.transitionTo("PreparingRebalance", 0);
    // A non-empty group takes a member only if one of its protocols is supported by all.
    expect(group.supportsProtocols("consumer", ["sticky"])).toBe(false);
    expect(group.supportsProtocols("consumer", ["sticky", "range"])).toBe(true);
    expect(group.supportsProtocols("connect", ["range"])).toBe(false);
  });

  it("counts a protocol a member lists twice once", () => {
    const group = new ClassicGroup("g", "Empty", 0);
    group.add(member("a", ["range", "range", "range"]));
    expect(group.selectProtocol()).toBe("range");
    group.add(member("b", ["range"]));
    expect(group.selectProtocol()).toBe("range");
    group.remove("a");
    expect(group.selectProtocol()).toBe("range");
    expect(group.supportsProtocols("consumer", ["range"])).toBe(true);
  });

  it("counts pending (MEMBER_ID_REQUIRED) members as not yet joined", () => {
    const group = new ClassicGroup("g", "Empty", 0);
    group.add(member("a"), parked());
    expect(group.hasAllMembersJoined()).toBe(true);
    group.addPendingMember("p");
    expect(group.hasAllMembersJoined()).toBe(false);
    group.remove("p");
    expect(group.hasAllMembersJoined()).toBe(true);
  });

  it("validates members: unknown ids, and static members whose instance id maps to another member id", () => {
    const group = new ClassicGroup("g", "Empty", 0);
    group.add(member("s-1", ["range"], "instance"));
    expect(group.validateMember("s-1", "instance")).toBe(ErrorCode.NONE);
    expect(group.validateMember("s-old", "instance")).toBe(ErrorCode.FENCED_INSTANCE_ID);
    expect(group.validateMember("s-1", "other")).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(group.validateMember("nobody", null)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("replaces a static member's id, fencing whatever the old id had waiting", () => {
    const group = new ClassicGroup("g", "Empty", 0);
    const answers: JoinResult[] = [];
    group.add(member("s-1", ["range"], "instance"), (answer) => answers.push(answer));
    group.member("s-1")!.assignment = new Uint8Array([1, 2]);
    const replacement = group.replaceStaticMember("instance", "s-1", "s-2");
    expect(answers.map((a) => a.errorCode)).toEqual([ErrorCode.FENCED_INSTANCE_ID]);
    expect(replacement.assignment).toEqual(new Uint8Array([1, 2]));
    expect(group.leaderId).toBe("s-2");
    expect(group.staticMemberId("instance")).toBe("s-2");
    expect(group.has("s-1")).toBe(false);
  });

  it("starts the next generation: CompletingRebalance with the chosen protocol, or Empty without members", () => {
    const group = new ClassicGroup("g", "Empty", 0);
    group.transitionTo("PreparingRebalance", 0);
    group.add(member("a"));
    group.initNextGeneration(1);
    expect([group.state, group.generationId, group.protocolName]).toEqual([
      "CompletingRebalance",
      1,
      "range",
    ]);
    group.transitionTo("PreparingRebalance", 2);
    group.remove("a");
    group.initNextGeneration(3);
    expect([group.state, group.generationId, group.protocolName]).toEqual(["Empty", 2, null]);
  });
});
