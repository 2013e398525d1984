/**
 * Lesson progress kept per browser: which lessons are finished, and where the learner was
 * in the current one, so a reload returns to the same step. Read back defensively: the
 * stored value is whatever an earlier page (or a person with devtools) left there.
 */

export interface LessonProgress {
  completed: string[];
  current: { lessonId: string; stepIndex: number } | null;
}

export const LESSON_PROGRESS_KEY = "kafka-playground.lessons";
const MAX_LESSON_IDS = 100;

export function emptyProgress(): LessonProgress {
  return { completed: [], current: null };
}

export function loadProgress(
  storage: Storage | undefined = globalThis.localStorage,
): LessonProgress {
  const raw = storage?.getItem(LESSON_PROGRESS_KEY);
  if (!raw) return emptyProgress();
  try {
    return parseProgress(JSON.parse(raw));
  } catch {
    return emptyProgress();
  }
}

export function saveProgress(
  progress: LessonProgress,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  storage?.setItem(LESSON_PROGRESS_KEY, JSON.stringify(progress));
}

function parseProgress(value: unknown): LessonProgress {
  if (typeof value !== "object" || value === null) return emptyProgress();
  const { completed, current } = value as Record<string, unknown>;
  const ids = Array.isArray(completed)
    ? completed.filter((id): id is string => typeof id === "string").slice(0, MAX_LESSON_IDS)
    : [];
  return { completed: [...new Set(ids)], current: parseCurrent(current) };
}

function parseCurrent(value: unknown): LessonProgress["current"] {
  if (typeof value !== "object" || value === null) return null;
  const { lessonId, stepIndex } = value as Record<string, unknown>;
  if (typeof lessonId !== "string" || !Number.isSafeInteger(stepIndex)) return null;
  return (stepIndex as number) >= 0 ? { lessonId, stepIndex: stepIndex as number } : null;
}
