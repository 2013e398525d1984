/**
 * The view an imported document asks for: the topic open as tapes, the dock's tab, the
 * speed of time and the selected thing. Only their shapes here; whether the names point at
 * something the document has is checked with the rest of the cross-references.
 */
import { MAX_NODES } from "../../runtime/web-worker/cluster-config.ts";
import { MAX_SPEED, MIN_SPEED } from "../../runtime/web-worker/time-base.ts";
import { MAX_PLAYGROUND_PARTITIONS } from "../dialogs/topic-validation.ts";
import { DOCK_TABS } from "../dock/dock-tabs.ts";
import { MAX_NAME_LENGTH } from "../dialogs/validation.ts";
import type { DockTab, Selection } from "../store/view-slice.ts";
import { decimal, integer, nullable, object, oneOf, tagged, text, type Schema } from "./schema.ts";
import { LIMITS, type LayoutDocument } from "./share-format.ts";

// A tab added to DockTab but not to the dock's list fails to compile here: a document
// could not name it.
const everyTabListed: Exclude<DockTab, (typeof DOCK_TABS)[number]> extends never ? true : false =
  true;
void everyTabListed;

const brokerId = integer({ min: 1, max: MAX_NODES });
const name = text({ max: MAX_NAME_LENGTH, min: 1 });
const clientId = text({ max: LIMITS.clientIdChars, min: 1 });

/** A link's end: a broker's id, or the page (where the clients run). */
const endpoint: Schema<number | "page"> = (value, path, problems) =>
  value === "page" ? "page" : brokerId(value, path, problems);

type Of<K extends Selection["kind"]> = Extract<Selection, { kind: K }>;
const kind = <K extends Selection["kind"]>(value: K) => oneOf([value] as const);

export const selectionSchema: Schema<Selection> = tagged<Selection, "kind">("kind", {
  broker: object<Of<"broker">>({ kind: kind("broker"), brokerId }),
  topic: object<Of<"topic">>({ kind: kind("topic"), topic: name }),
  partition: object<Of<"partition">>({
    kind: kind("partition"),
    topic: name,
    partition: integer({ min: 0, max: MAX_PLAYGROUND_PARTITIONS - 1 }),
  }),
  producer: object<Of<"producer">>({ kind: kind("producer"), producerId: clientId }),
  consumer: object<Of<"consumer">>({ kind: kind("consumer"), consumerId: clientId }),
  group: object<Of<"group">>({
    kind: kind("group"),
    groupId: text({ max: LIMITS.groupIdChars, min: 1 }),
  }),
  link: object<Of<"link">>({ kind: kind("link"), from: endpoint, to: endpoint }),
});

export const layoutSchema = object<LayoutDocument>({
  openTopic: nullable(name),
  dockTab: oneOf(DOCK_TABS),
  speed: decimal({ min: MIN_SPEED, max: MAX_SPEED }),
  selection: nullable(selectionSchema),
});
