/**
 * What the lesson list and panel do when clicked. The engine owns the run; the list's
 * open state is the panel's own (the engine never opens it), written here so every
 * control opens and closes it the same way.
 */
import { usePlayground } from "../../store/store.ts";
import { lessonEngine, loadLessonEngine } from "../lessons.ts";

/** The top-bar button's id, where focus goes when the lesson it started is left. */
export const LESSONS_BUTTON_ID = "lessons-button";

/** Opens the list once the catalogue is loaded (the first time, its chunk is fetched). */
export function openLessonCatalog(): void {
  void loadLessonEngine().then(() => usePlayground.setState({ lessonCatalogOpen: true }));
}

export function closeLessonCatalog(): void {
  usePlayground.setState({ lessonCatalogOpen: false });
}

/** Starts the lesson (its setup runs on the live cluster) and closes the list. */
export function startLesson(lessonId: string): void {
  closeLessonCatalog();
  // The engine reports setup failures in the run (the panel shows them); a throw here
  // is only an unknown id, which the list cannot offer.
  void lessonEngine()
    .start(lessonId)
    .catch(() => {});
}

export function exitLesson(): void {
  lessonEngine().exit();
  // The panel that had focus is gone: give it to the button that brings lessons back.
  document.getElementById(LESSONS_BUTTON_ID)?.focus();
}
