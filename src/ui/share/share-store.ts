/**
 * What sharing keeps between its dialogs: the document (or the refusal) under review before
 * an import, and the progress of an import being rebuilt. Its own small store, beside the
 * page's: the playground's slices never hold an untrusted document.
 */
import { create } from "zustand";
import { openDialog } from "../store/view-actions.ts";
import type { DocumentCheck } from "./document-schema.ts";

export interface ImportReview {
  source: "file" | "link";
  /** The file's name as the browser gave it (untrusted: shown as text only). */
  fileName: string | null;
  check: DocumentCheck;
}

export type ImportStep = "brokers" | "topics" | "records" | "clients" | "layout";
export const IMPORT_STEPS: readonly ImportStep[] = [
  "brokers",
  "topics",
  "records",
  "clients",
  "layout",
];

export interface ImportProgress {
  /** The step running now; "done" once all are. */
  step: ImportStep | "done";
  brokers: number;
  topicsDone: number;
  topicsTotal: number;
  recordsDone: number;
  recordsTotal: number;
  clients: number;
  /** Why the import stopped, when it did (the step it stopped at is `step`). */
  error: { name: string; message: string } | null;
}

interface ShareState {
  review: ImportReview | null;
  progress: ImportProgress | null;
}

export const useShare = create<ShareState>(() => ({ review: null, progress: null }));

/** Shows a document (or why it was refused) and asks before anything changes. */
export function reviewImport(review: ImportReview): void {
  useShare.setState({ review });
  openDialog({ kind: "import-review" });
}

export function updateImportProgress(change: Partial<ImportProgress>): void {
  const progress = useShare.getState().progress;
  if (progress !== null) useShare.setState({ progress: { ...progress, ...change } });
}
