/**
 * Where a palette drag lands: the nearest element under the pointer that takes the dragged
 * kind (a topic chip takes producers and consumers, a group card takes consumers), and the
 * dialog that dropping there opens. Pure, so the rules are tested without a browser.
 */
import type { Dialog } from "../store/view-slice.ts";

export type PaletteKind = "producer" | "consumer";

export type DropTarget =
  { kind: "topic"; topic: string } | { kind: "group"; groupId: string; topic: string };

/** On topic chips (the canvas renders them). */
export const DROP_TOPIC_ATTRIBUTE = "data-drop-topic";
/** On group cards (GroupCard renders them), with the group's topic beside it. */
export const DROP_GROUP_ATTRIBUTE = "data-drop-group";
export const DROP_GROUP_TOPIC_ATTRIBUTE = "data-drop-group-topic";

/** The part of an element the resolution reads (an HTMLElement has it; tests pass plain objects). */
export interface DropCandidate {
  getAttribute(name: string): string | null;
  readonly parentElement: DropCandidate | null;
}

/** The target an element stands for, whatever is being dragged; null when it is none. */
export function targetOf(element: DropCandidate): DropTarget | null {
  const topic = element.getAttribute(DROP_TOPIC_ATTRIBUTE);
  if (topic !== null && topic !== "") return { kind: "topic", topic };
  const groupId = element.getAttribute(DROP_GROUP_ATTRIBUTE);
  const groupTopic = element.getAttribute(DROP_GROUP_TOPIC_ATTRIBUTE);
  if (groupId !== null && groupId !== "" && groupTopic !== null && groupTopic !== "") {
    return { kind: "group", groupId, topic: groupTopic };
  }
  return null;
}

export function accepts(kind: PaletteKind, target: DropTarget): boolean {
  return target.kind === "topic" || kind === "consumer";
}

/** The nearest ancestor-or-self of `element` that takes `kind`, with the element found. */
export function dropTargetAt<E extends DropCandidate>(
  element: E | null,
  kind: PaletteKind,
): { target: DropTarget; element: E } | null {
  for (let at: DropCandidate | null = element; at !== null; at = at.parentElement) {
    const target = targetOf(at);
    if (target !== null && accepts(kind, target)) return { target, element: at as E };
  }
  return null;
}

/** What dropping `kind` on `target` opens. */
export function dialogForDrop(kind: PaletteKind, target: DropTarget): Dialog {
  if (kind === "producer") return { kind: "add-producer", topic: target.topic };
  if (target.kind === "group")
    return { kind: "add-consumer", topic: target.topic, groupId: target.groupId };
  return { kind: "add-consumer", topic: target.topic };
}
