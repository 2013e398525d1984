import { describe, expect, it } from "vitest";
import { dialogForDrop, dropTargetAt, type DropCandidate } from "./drop-targets.ts";

function element(
  attributes: Record<string, string>,
  parent: DropCandidate | null = null,
): DropCandidate {
  return { getAttribute: (name) => attributes[name] ?? null, parentElement: parent };
}

describe("drop target resolution", () => {
  const page = element({});
  const canvas = element({ class: "canvas" }, page);
  const topicChip = element({ "data-drop-topic": "orders" }, canvas);
  const chipLabel = element({}, topicChip);
  const groupCard = element(
    { "data-drop-group": "billing", "data-drop-group-topic": "payments" },
    canvas,
  );
  const memberRow = element({}, groupCard);

  it("finds the topic chip from anything inside it, for both kinds", () => {
    expect(dropTargetAt(chipLabel, "producer")?.target).toEqual({ kind: "topic", topic: "orders" });
    expect(dropTargetAt(chipLabel, "consumer")?.element).toBe(topicChip);
  });

  it("lets consumers, not producers, join a group card", () => {
    expect(dropTargetAt(memberRow, "consumer")?.target).toEqual({
      kind: "group",
      groupId: "billing",
      topic: "payments",
    });
    expect(dropTargetAt(memberRow, "producer")).toBeNull();
  });

  it("ignores a group whose topic is not known and empty attributes", () => {
    const unknownTopic = element({ "data-drop-group": "lonely" }, canvas);
    expect(dropTargetAt(unknownTopic, "consumer")).toBeNull();
    expect(dropTargetAt(element({ "data-drop-topic": "" }, page), "producer")).toBeNull();
    expect(dropTargetAt(null, "producer")).toBeNull();
  });

  it("opens the dialog for what was dropped where", () => {
    expect(dialogForDrop("producer", { kind: "topic", topic: "orders" })).toEqual({
      kind: "add-producer",
      topic: "orders",
    });
    expect(dialogForDrop("consumer", { kind: "topic", topic: "orders" })).toEqual({
      kind: "add-consumer",
      topic: "orders",
    });
    expect(
      dialogForDrop("consumer", { kind: "group", groupId: "billing", topic: "payments" }),
    ).toEqual({
      kind: "add-consumer",
      topic: "payments",
      groupId: "billing",
    });
  });
});
