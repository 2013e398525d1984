/**
 * What the viewer is looking at: the selected thing (shown by the inspector), the open dock
 * tab, the open dialog, and the settings kept per browser (language, theme).
 */
import type { Language } from "../i18n/translate.ts";

export type Selection =
  | { kind: "broker"; brokerId: number }
  | { kind: "topic"; topic: string }
  | { kind: "partition"; topic: string; partition: number }
  | { kind: "producer"; producerId: string }
  | { kind: "consumer"; consumerId: string }
  | { kind: "group"; groupId: string }
  | { kind: "link"; from: number | "page"; to: number | "page" };

export type DockTab = "timeline" | "metrics" | "packets" | "segments" | "terminal";

export type Dialog =
  | { kind: "create-topic" }
  | { kind: "add-partitions"; topic: string }
  | { kind: "delete-topic"; topic: string }
  | { kind: "topic-configs"; topic: string }
  | { kind: "add-producer"; topic: string }
  | { kind: "edit-producer"; topic: string; producerId: string }
  | { kind: "add-consumer"; topic: string; groupId?: string }
  | { kind: "settings" }
  | { kind: "reset" }
  | { kind: "share" }
  | { kind: "import-review" }
  | { kind: "import-progress" }
  | { kind: "export-kafka" };

export type Theme = "light" | "dark" | "system";

/** A short message in the corner: an action's outcome, or an error with Kafka's name for it. */
export interface Toast {
  id: number;
  tone: "info" | "error";
  /** Already in the viewer's language (the action that raised it translated it). */
  text: string;
  /** Kafka's error name, shown beside the words. */
  errorName: string | null;
}

export interface ViewSlice {
  language: Language;
  theme: Theme;
  selection: Selection | null;
  dockTab: DockTab;
  dialog: Dialog | null;
  /** The welcome card is open (first visit, until dismissed). */
  welcome: boolean;
  /** A topic opened as partition tapes. */
  openTopic: string | null;
  toasts: Toast[];
}
