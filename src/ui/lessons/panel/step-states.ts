/**
 * What the lesson panel draws, worked out from the engine's run: which steps are done,
 * which one the learner is on, which wait; what the buttons may do; which lesson comes
 * next. Pure, so the rules are tested without a page.
 */
import type { Language } from "../../i18n/translate.ts";
import type { LessonRun, LessonRunStatus } from "../../store/lessons-slice.ts";
import type { Lesson, Localized } from "../lesson.ts";

export type StepState = "done" | "current" | "pending";

/**
 * One state per step. Steps before the run's index are done (all of them once the lesson
 * is complete); the one at the index is current, except while the setup is still putting
 * the cluster in shape, when no step has begun yet.
 */
export function stepStates(run: LessonRun, stepCount: number): StepState[] {
  return Array.from({ length: stepCount }, (_, index) => {
    if (run.status === "complete" || index < run.stepIndex) return "done";
    if (index === run.stepIndex && run.status !== "setting-up") return "current";
    return "pending";
  });
}

/** The lesson's words in the viewer's language. */
export function localized(text: Localized, language: Language): string {
  return text[language];
}

/** "Show me" works only while the engine is waiting on the learner. */
export function canShowMe(status: LessonRunStatus): boolean {
  return status === "running";
}

/** The engine is doing something on the cluster for the learner (the panel says so). */
export function isBusy(status: LessonRunStatus): boolean {
  return status === "setting-up" || status === "showing";
}

/** How many of the current step's hints are still hidden. */
export function hintsLeft(run: LessonRun, lesson: Lesson): number {
  const step = lesson.steps[run.stepIndex];
  if (!step || run.status === "complete") return 0;
  return Math.max(0, step.hints.length - run.hintsShown);
}

/** The lesson after `lessonId` in the list, or null after the last one. */
export function nextLesson(lessons: readonly Lesson[], lessonId: string): Lesson | null {
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  return index < 0 ? null : (lessons[index + 1] ?? null);
}

/** A lesson's number as the list shows it (1-based), or 0 when it is not in the list. */
export function lessonNumber(lessons: readonly Lesson[], lessonId: string): number {
  return lessons.findIndex((lesson) => lesson.id === lessonId) + 1;
}

/**
 * Where the lesson list puts focus when it opens: the lesson being taken, else the first
 * one not finished yet, else the first.
 */
export function suggestedLessonIndex(
  lessons: readonly Lesson[],
  completed: readonly string[],
  runningId: string | null,
): number {
  const running = runningId === null ? -1 : lessons.findIndex((l) => l.id === runningId);
  if (running >= 0) return running;
  const done = new Set(completed);
  const firstOpen = lessons.findIndex((lesson) => !done.has(lesson.id));
  return Math.max(0, firstOpen);
}
