/** Every lesson, in the order the lesson list shows them (each builds on the ones before). */
import { appendOnlyLogLesson } from "./catalog/01-append-only-log.ts";
import type { Lesson } from "./lesson.ts";

export const LESSONS: readonly Lesson[] = [appendOnlyLogLesson];
