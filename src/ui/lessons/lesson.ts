/**
 * What a lesson is: data. A question a Kafka learner asks, the cluster shape that answers
 * it (set up by `setup`), and steps. Each step says, in Korean and English, what to do and
 * what to look at; its `check` looks at the live cluster and is true once the effect shows.
 * The learner's clicks never advance a lesson: the cluster does. `showMe` does the step for
 * the learner through the same actions the page's controls call (the tests use it too).
 */
import type { LessonContext } from "./lesson-context.ts";

/** Words in both of the page's languages; a lesson cannot be written in only one. */
export interface Localized {
  en: string;
  ko: string;
}

export interface LessonStep {
  /** Stable within the lesson (progress is saved by index, tests name steps by id). */
  id: string;
  /** What to do, and what to watch for. */
  narration: Localized;
  /** Shown one at a time when the learner asks. */
  hints: readonly Localized[];
  /** What the learner should take away, shown once the step is done. */
  takeaway: Localized;
  /**
   * Taken when the step begins and handed to `check`: e.g. the log end offset before the
   * learner produced, so the check can ask for records appended since.
   */
  start(ctx: LessonContext): Promise<unknown> | unknown;
  /** True once the live cluster shows the step's effect; called about three times a second. */
  check(ctx: LessonContext, baseline: unknown): Promise<boolean> | boolean;
  /** Does the step for the learner with the page's own actions. */
  showMe(ctx: LessonContext, baseline: unknown): Promise<void>;
}

export interface Lesson {
  /** Stable slug, e.g. "append-only-log"; saved progress and tests use it. */
  id: string;
  title: Localized;
  /** The learner's question the lesson answers. */
  question: Localized;
  /** Puts the cluster in the lesson's starting shape (brokers up, fresh topics, no clients). */
  setup(ctx: LessonContext): Promise<void>;
  steps: readonly LessonStep[];
  /** The answer, shown when every step is done. */
  summary: Localized;
}

interface StepDefinition<B> {
  id: string;
  narration: Localized;
  hints?: readonly Localized[];
  takeaway: Localized;
  start?: (ctx: LessonContext) => Promise<B> | B;
  check: (ctx: LessonContext, baseline: B) => Promise<boolean> | boolean;
  showMe: (ctx: LessonContext, baseline: B) => Promise<void>;
}

/**
 * A step whose baseline keeps its type between `start`, `check` and `showMe`. The engine
 * only passes the baseline from one to the others, so erasing it to unknown is safe.
 */
export function step<B = undefined>(definition: StepDefinition<B>): LessonStep {
  return {
    id: definition.id,
    narration: definition.narration,
    hints: definition.hints ?? [],
    takeaway: definition.takeaway,
    start: (ctx) => (definition.start ? definition.start(ctx) : undefined),
    check: (ctx, baseline) => definition.check(ctx, baseline as B),
    showMe: (ctx, baseline) => definition.showMe(ctx, baseline as B),
  };
}
