/**
 * The page's one lesson engine, over the live session and the lesson catalogue. The
 * catalogue (fifteen lessons' words and checks) is its own chunk, loaded when the learner
 * first opens the lessons or comes back to one in progress: opening the page needs none of it.
 */
import { pageLessonContext } from "./lesson-context.ts";
import { LessonEngine } from "./lesson-engine.ts";

let loading: Promise<LessonEngine> | null = null;
let loaded: LessonEngine | null = null;

export function loadLessonEngine(): Promise<LessonEngine> {
  loading ??= import("./catalog.ts").then(({ LESSONS }) => {
    loaded = new LessonEngine(LESSONS, pageLessonContext());
    return loaded;
  });
  return loading;
}

/**
 * The engine, for what exists only once it is loaded: a lesson's run (the engine writes it)
 * and the open lesson list (opened after loading).
 */
export function lessonEngine(): LessonEngine {
  if (loaded === null) throw new Error("the lesson engine is used before it is loaded");
  return loaded;
}
