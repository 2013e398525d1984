/** The page's one lesson engine, over the live session and the lesson catalogue. */
import { LESSONS } from "./catalog.ts";
import { pageLessonContext } from "./lesson-context.ts";
import { LessonEngine } from "./lesson-engine.ts";

let engine: LessonEngine | null = null;

export function lessonEngine(): LessonEngine {
  engine ??= new LessonEngine(LESSONS, pageLessonContext());
  return engine;
}
