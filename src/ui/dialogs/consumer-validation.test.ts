import { describe, expect, it } from "vitest";
import { defaultConsumerSettings, type ConsumerView } from "../store/clients-slice.ts";
import type { GroupView } from "../store/groups-slice.ts";
import { groupContextOf, knownGroupIds, suggestedGroupId } from "./consumer-groups.ts";
import {
  consumerDraftOf,
  validateConsumerDraft,
  type ConsumerDraft,
  type GroupContext,
} from "./consumer-validation.ts";
import { issueFor } from "./validation.ts";

const newGroup: GroupContext = { protocol: null, memberCount: 0, instanceIdsInUse: [] };
const draft = (patch: Partial<ConsumerDraft> = {}): ConsumerDraft => ({
  ...consumerDraftOf(defaultConsumerSettings("orders", "billing")),
  ...patch,
});
const issue = (patch: Partial<ConsumerDraft>, field: string, group = newGroup) =>
  issueFor(validateConsumerDraft(draft(patch), group).issues, field);

describe("validateConsumerDraft", () => {
  it("round-trips the default settings", () => {
    expect(validateConsumerDraft(draft(), newGroup)).toEqual({
      issues: [],
      value: defaultConsumerSettings("orders", "billing"),
    });
  });

  it("needs a group id (INVALID_GROUP_ID)", () => {
    expect(issue({ groupId: "  " }, "groupId")).toMatchObject({
      severity: "error",
      kafkaName: "INVALID_GROUP_ID",
    });
  });

  it("keeps session.timeout.ms inside the broker's group.min/max.session.timeout.ms", () => {
    expect(issue({ sessionTimeoutMs: "6000" }, "sessionTimeoutMs")).toBeUndefined();
    expect(issue({ sessionTimeoutMs: "1800000" }, "sessionTimeoutMs")).toBeUndefined();
    expect(issue({ sessionTimeoutMs: "5999" }, "sessionTimeoutMs")).toMatchObject({
      key: "consumerDialog.sessionTimeoutBounds",
      kafkaName: "INVALID_SESSION_TIMEOUT",
      values: { min: 6000, max: 1800000 },
    });
    expect(issue({ sessionTimeoutMs: "1800001" }, "sessionTimeoutMs")?.kafkaName).toBe(
      "INVALID_SESSION_TIMEOUT",
    );
    expect(issue({ sessionTimeoutMs: "10s" }, "sessionTimeoutMs")?.key).toBe(
      "validation.notWholeNumber",
    );
  });

  it("bounds the processing delay", () => {
    expect(
      validateConsumerDraft(draft({ processingDelayMs: "250" }), newGroup).value?.processingDelayMs,
    ).toBe(250);
    expect(issue({ processingDelayMs: "-5" }, "processingDelayMs")?.key).toBe(
      "validation.outOfRange",
    );
    expect(issue({ processingDelayMs: "60001" }, "processingDelayMs")?.key).toBe(
      "validation.outOfRange",
    );
  });

  it("checks group.instance.id as Kafka's consumer does", () => {
    expect(issue({ groupInstanceId: "worker-1" }, "groupInstanceId")).toBeUndefined();
    for (const bad of ["worker 1", ".", "..", "x".repeat(250)]) {
      expect(issue({ groupInstanceId: bad }, "groupInstanceId"), bad).toMatchObject({
        severity: "error",
        kafkaName: "InvalidConfigurationException",
      });
    }
    const inUse = { ...newGroup, memberCount: 1, instanceIdsInUse: ["worker-1"] };
    expect(issue({ groupInstanceId: "worker-1" }, "groupInstanceId", inUse)).toMatchObject({
      severity: "warning",
      kafkaName: "FENCED_INSTANCE_ID",
    });
  });

  it("warns when the group's members use another assignor", () => {
    const rangeGroup = { protocol: "range", memberCount: 2, instanceIdsInUse: [] };
    expect(issue({ assignor: "cooperative-sticky" }, "assignor", rangeGroup)).toMatchObject({
      severity: "warning",
      kafkaName: "INCONSISTENT_GROUP_PROTOCOL",
      values: { protocol: "range" },
    });
    expect(issue({ assignor: "range" }, "assignor", rangeGroup)).toBeUndefined();
    expect(
      issue({ assignor: "sticky" }, "assignor", { ...rangeGroup, memberCount: 0 }),
    ).toBeUndefined();
  });
});

function consumer(id: string, groupId: string, patch: Partial<ConsumerView> = {}): ConsumerView {
  return {
    id,
    settings: {
      ...defaultConsumerSettings("orders", groupId),
      groupInstanceId: `${id}-static`,
      assignor: "range",
    },
    status: "consuming",
    memberId: null,
    consumed: 0,
    assigned: [],
    lastError: null,
    ...patch,
  };
}

describe("consumer groups as the dialog sees them", () => {
  const consumers = {
    c1: consumer("c1", "billing"),
    c2: consumer("c2", "billing", { status: "crashed" }),
    c3: consumer("c3", "audit", {
      settings: { ...defaultConsumerSettings("payments", "audit"), groupInstanceId: "" },
    }),
  };
  const groups = {
    shipping: {
      groupId: "shipping",
      protocol: "sticky",
      members: [{}, {}],
    } as unknown as GroupView,
  };

  it("suggests the group already reading the topic, else a new one", () => {
    expect(suggestedGroupId("orders", consumers)).toBe("billing");
    expect(suggestedGroupId("clicks", consumers)).toBe("clicks-readers");
    expect(suggestedGroupId("orders", { c2: consumers.c2 })).toBe("orders-readers");
  });

  it("lists every group the page knows of, once, sorted", () => {
    expect(knownGroupIds(groups, consumers)).toEqual(["audit", "billing", "shipping"]);
  });

  it("describes a group from the coordinator when it can, else from the page's running consumers", () => {
    expect(groupContextOf("shipping", groups, consumers)).toEqual({
      protocol: "sticky",
      memberCount: 2,
      instanceIdsInUse: [],
    });
    expect(groupContextOf("billing", groups, consumers)).toEqual({
      protocol: "range",
      memberCount: 1,
      instanceIdsInUse: ["c1-static"],
    });
    expect(groupContextOf("new", groups, consumers)).toEqual(newGroup);
  });
});
