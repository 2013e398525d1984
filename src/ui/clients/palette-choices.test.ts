import { describe, expect, it } from "vitest";
import { defaultConsumerSettings } from "../store/clients-slice.ts";
import { initialPlaygroundState } from "../store/store.ts";
import { emptyPartition } from "../store/topics-slice.ts";
import { choicesFor, choicesSignature } from "./palette-choices.ts";

function state() {
  const base = initialPlaygroundState();
  const topic = (name: string, internal = false) => ({
    name,
    topicId: null,
    internal,
    partitions: [emptyPartition(name, 0)],
    configs: null,
  });
  return {
    ...base,
    topics: {
      orders: topic("orders"),
      payments: topic("payments"),
      __consumer_offsets: topic("__consumer_offsets", true),
    },
    consumers: {
      "consumer-1": {
        id: "consumer-1",
        settings: defaultConsumerSettings("payments", "billing"),
        status: "consuming" as const,
        memberId: null,
        consumed: 0,
        assigned: [],
        lastError: null,
      },
    },
  };
}

describe("palette menu choices", () => {
  it("offers producers the user's topics only", () => {
    const sections = choicesFor("producer", choicesSignature(state()));
    expect(sections).toEqual([
      {
        kind: "topics",
        targets: [
          { kind: "topic", topic: "orders" },
          { kind: "topic", topic: "payments" },
        ],
      },
    ]);
  });

  it("offers consumers the topics and the groups with their topics", () => {
    const sections = choicesFor("consumer", choicesSignature(state()));
    expect(sections[1]).toEqual({
      kind: "groups",
      targets: [{ kind: "group", groupId: "billing", topic: "payments" }],
    });
  });

  it("has an empty topic list when there are no topics", () => {
    const sections = choicesFor("consumer", choicesSignature(initialPlaygroundState()));
    expect(sections).toEqual([{ kind: "topics", targets: [] }]);
  });

  it("does not change with counters, so the palette does not render per record", () => {
    const before = state();
    const after = {
      ...before,
      consumers: { "consumer-1": { ...before.consumers["consumer-1"], consumed: 99 } },
    };
    expect(choicesSignature(after)).toBe(choicesSignature(before));
  });
});
