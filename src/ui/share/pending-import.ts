/**
 * An import the viewer confirmed, carried across the reload that resets the playground:
 * kept in this tab's sessionStorage, taken (and removed) once by the next start, and
 * checked again there — storage is no more trusted than the file was.
 */
import { documentToJson, readDocumentText } from "./share-codec.ts";
import type { PlaygroundDocument } from "./share-format.ts";

export const PENDING_IMPORT_KEY = "kafka-playground/pending-import";

export function savePendingImport(
  document: PlaygroundDocument,
  storage: Storage = sessionStorage,
): void {
  storage.setItem(PENDING_IMPORT_KEY, documentToJson(document));
}

/** The confirmed import, if there is one and it still checks out; it is removed either way. */
export function takePendingImport(storage: Storage = sessionStorage): PlaygroundDocument | null {
  const text = storage.getItem(PENDING_IMPORT_KEY);
  if (text === null) return null;
  storage.removeItem(PENDING_IMPORT_KEY);
  const check = readDocumentText(text);
  return check.ok ? check.document : null;
}
