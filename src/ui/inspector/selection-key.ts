import type { Selection } from "../store/view-slice.ts";

/** One key per selected thing, so switching things resets the panel's local state. */
export function selectionKey(selection: Selection | null): string {
  if (selection === null) return "cluster";
  switch (selection.kind) {
    case "broker":
      return `broker:${selection.brokerId}`;
    case "topic":
      return `topic:${selection.topic}`;
    case "partition":
      return `partition:${selection.topic}:${selection.partition}`;
    case "producer":
      return `producer:${selection.producerId}`;
    case "consumer":
      return `consumer:${selection.consumerId}`;
    case "group":
      return `group:${selection.groupId}`;
    case "link":
      return `link:${selection.from}:${selection.to}`;
  }
}
