import { describe, expect, it } from "vitest";
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import { en } from "../i18n/en.ts";
import { ko } from "../i18n/ko.ts";
import { reduceTelemetry, type ReducedState } from "../playground/telemetry-reducer.ts";
import { TimelineDedupe } from "../playground/timeline-dedupe.ts";

/** One event of every kind (and every action) the reducer writes a timeline entry for. */
const EVENTS: TelemetryEvent[] = [
  { kind: "leader-changed", node: 1, topic: "orders", partition: 0, leader: 2, leaderEpoch: 3 },
  { kind: "leader-changed", node: 1, topic: "orders", partition: 1, leader: -1, leaderEpoch: 4 },
  {
    kind: "isr-changed",
    node: 1,
    topic: "orders",
    partition: 0,
    isr: [2, 3],
    leaderEpoch: 3,
    partitionEpoch: 5,
  },
  ...(["rolled", "deleted", "cleaned"] as const).map((action): TelemetryEvent => ({
    kind: "segment",
    node: 2,
    topic: "orders",
    partition: 0,
    action,
    baseOffset: 120n,
  })),
  ...(["created", "deleted"] as const).map((action): TelemetryEvent => ({
    kind: "topic",
    node: 1,
    topic: `t-${action}`,
    action,
    partitions: 3,
  })),
  ...(["registered", "fenced", "unfenced", "controlled-shutdown"] as const).map(
    (action): TelemetryEvent => ({ kind: "broker", node: 1, broker: 3, action }),
  ),
  { kind: "raft", node: 1, role: "leader", epoch: 2, leader: 1, highWatermark: 10n },
  {
    kind: "group",
    node: 1,
    group: "billing",
    coordinatorPartition: 4,
    state: "Stable",
    generation: 2,
    protocolType: "consumer",
    protocol: "range",
    leader: null,
    members: [],
    reason: "rebalance",
  },
  { kind: "offset-commit", node: 1, group: "billing", topic: "orders", partition: 0, offset: 42n },
  { kind: "error", node: 2, where: "tick", message: "boom" },
  ...(["started", "recovered", "stopped"] as const).map((action): TelemetryEvent => ({
    kind: "node",
    node: 3,
    action,
    detail: "killed",
  })),
];

const EMPTY: ReducedState = {
  brokers: {},
  controllerId: null,
  controllerEpoch: -1,
  topics: {},
  groups: {},
};

describe("the timeline's words", () => {
  it("exist for every message the telemetry reducer writes, with its values in both languages", () => {
    const { timeline } = reduceTelemetry(EMPTY, EVENTS, 1_000, new TimelineDedupe());
    expect(timeline.length).toBe(EVENTS.length);
    for (const entry of timeline) {
      expect(entry.message in en, entry.message).toBe(true);
      const key = entry.message as keyof typeof en;
      for (const template of [en[key], ko[key]]) {
        for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
          expect(entry.values, `${entry.message} uses {${name}}`).toHaveProperty(name!);
        }
      }
    }
  });
});
