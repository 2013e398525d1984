import { describe, expect, it } from "vitest";
import type { TelemetryEvent } from "../../src/telemetry/telemetry-event.ts";
import { GroupStory } from "./group-story.ts";

const member = (memberId: string, partitions: number[]) => ({
  memberId,
  groupInstanceId: null,
  clientId: memberId.slice(0, 10),
  assignment: [{ topic: "t", partitions }],
});

const stable = (node: number, group: string): TelemetryEvent => ({
  kind: "group",
  node,
  group,
  coordinatorPartition: 7,
  state: "Stable",
  generation: 1,
  protocolType: "consumer",
  protocol: "range",
  leader: null,
  reason: "loaded from __consumer_offsets-7",
  members: [member("consumer-3-0dcc933f-2b11-47b3-a39c-6a7b2a6d0fdb", [0, 1])],
});

describe("the groups' story", () => {
  it("tells the watched groups and who led their coordinator partition, timed from the origin", () => {
    const story = new GroupStory(new Set(["g"]));
    const role = (partition: number): TelemetryEvent => ({
      kind: "partition-role",
      node: 2,
      topic: "__consumer_offsets",
      partition,
      role: "leader",
      leader: 2,
      leaderEpoch: 4,
    });
    story.observe(role(7), 500); // before any group event names partition 7: not yet watched
    story.observe(stable(2, "g"), 1_000);
    story.observe(stable(2, "other"), 1_100);
    story.observe(role(7), 2_500);
    story.observe(role(8), 2_600);
    story.observe({ kind: "node", node: 5, action: "stopped" }, 3_000);
    expect(story.told(1_000)).toEqual([
      "    0.0 s  node 2: group g generation 1 Stable: consumer-3-0dcc933f=[0,1] (loaded from __consumer_offsets-7)",
      "    1.5 s  node 2: __consumer_offsets-7 leader (leader 2, epoch 4)",
      "    2.0 s  node 5 stopped",
    ]);
  });
});
