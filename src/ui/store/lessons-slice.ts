/**
 * The lesson being taken, if any, and which lessons the learner has finished. Written only
 * by the lesson engine (../lessons/lesson-engine.ts); the lesson panel reads it.
 */

export type LessonRunStatus =
  /** The lesson's setup is putting the cluster in shape. */
  | "setting-up"
  /** Waiting for the cluster to show the current step's effect. */
  | "running"
  /** "Show me" is doing the current step. */
  | "showing"
  | "complete"
  /** Setup or "show me" failed; `error` says why. The learner can retry or leave. */
  | "failed";

export interface LessonRun {
  lessonId: string;
  /** The step being worked on; equals the step count once complete. */
  stepIndex: number;
  status: LessonRunStatus;
  /** How many of the current step's hints are shown. */
  hintsShown: number;
  error: { name: string; message: string } | null;
}

export interface LessonsSlice {
  lessonRun: LessonRun | null;
  /** Ids of the lessons finished at least once (saved per browser). */
  lessonsCompleted: string[];
  /** The lesson list is open. */
  lessonCatalogOpen: boolean;
}
