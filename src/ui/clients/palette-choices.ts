/**
 * The keyboard and menu alternative to dragging: the places a palette item can be added
 * to, as the menu lists them. Read from the store as one string per change of topics or
 * groups, so the palette renders only when those change, not with every record.
 */
import type { PlaygroundState } from "../store/store.ts";
import type { DropTarget, PaletteKind } from "./drop-targets.ts";
import { groupIdsOf, groupTopicOf } from "./group-logic.ts";

export interface ChoiceSection {
  kind: "topics" | "groups";
  targets: DropTarget[];
}

/** Topic names (not Kafka's internal ones), then each group and its topic, one per line. */
export function choicesSignature(state: PlaygroundState): string {
  const topics = Object.values(state.topics)
    .filter((topic) => !topic.internal && !topic.name.startsWith("__"))
    .map((topic) => topic.name)
    .sort();
  const groups = groupIdsOf(state.groups, state.consumers).flatMap((groupId) => {
    const topic = groupTopicOf(groupId, state.groups[groupId], state.consumers);
    return topic === null ? [] : [`${groupId}\t${topic}`];
  });
  return [topics.join("\t"), ...groups].join("\n");
}

/** The menu's sections for `kind` from a signature: topics for both, groups for consumers. */
export function choicesFor(kind: PaletteKind, signature: string): ChoiceSection[] {
  const [topicLine = "", ...groupLines] = signature.split("\n");
  const topics: DropTarget[] =
    topicLine === "" ? [] : topicLine.split("\t").map((topic) => ({ kind: "topic", topic }));
  const sections: ChoiceSection[] = [{ kind: "topics", targets: topics }];
  if (kind === "consumer" && groupLines.length > 0) {
    const groups = groupLines.map((line): DropTarget => {
      const [groupId = "", topic = ""] = line.split("\t");
      return { kind: "group", groupId, topic };
    });
    sections.push({ kind: "groups", targets: groups });
  }
  return sections;
}
