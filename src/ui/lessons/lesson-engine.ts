/**
 * Runs one lesson at a time: its setup, then each step in turn. A step begins by taking its
 * baseline, then its check is asked about three times a second until the live cluster
 * shows the effect, and only then does the lesson move on. "Show me" does the step with the
 * page's own actions and leaves the deciding to the check as well. Where the learner is
 * goes to the store (the panel draws it) and to saved progress (a reload comes back to it).
 */
import { usePlayground, type PlaygroundState } from "../store/store.ts";
import { leaderOffsets } from "../store/topics-slice.ts";
import type { LessonRun } from "../store/lessons-slice.ts";
import type { Lesson } from "./lesson.ts";
import { LessonActionError, type LessonContext } from "./lesson-context.ts";
import { loadProgress, saveProgress, type LessonProgress } from "./lesson-progress.ts";

export const CHECK_INTERVAL_MS = 300;
const RESTORE_WAIT_MS = 15_000;

/** Every led partition the page knows has its leader's offsets (the first poll is in). */
function offsetsKnown(state: PlaygroundState): boolean {
  const partitions = Object.values(state.topics).flatMap((topic) => topic.partitions);
  return partitions.length > 0 && partitions.every((p) => p.leader < 0 || !!leaderOffsets(p));
}

export class LessonEngine {
  private progress: LessonProgress;
  /** Bumped whenever the lesson or step changes, so late async work knows it is stale. */
  private epoch = 0;
  private baseline: unknown = undefined;
  private checkTimer: ReturnType<typeof setTimeout> | null = null;
  /** The last failure was the lesson's setup (retrying runs the setup again). */
  private setupFailed = false;
  /** Settles once the current step's baseline is taken ("show me" may need it). */
  private baselineTaken: Promise<unknown> = Promise.resolve();

  constructor(
    readonly lessons: readonly Lesson[],
    private readonly ctx: LessonContext,
    private readonly store = usePlayground,
    private readonly storage: Storage | undefined = globalThis.localStorage,
  ) {
    this.progress = loadProgress(storage);
    const known = new Set(lessons.map((lesson) => lesson.id));
    this.progress.completed = this.progress.completed.filter((id) => known.has(id));
    store.setState({ lessonsCompleted: [...this.progress.completed] });
  }

  lesson(lessonId: string): Lesson | undefined {
    return this.lessons.find((lesson) => lesson.id === lessonId);
  }

  /**
   * Comes back to the lesson and step of the last visit (the cluster kept its state). The
   * step's baseline is taken once the page knows the partitions' offsets again: taken from
   * an empty store it would make the step look done already.
   */
  async restore(): Promise<void> {
    const current = this.progress.current;
    const lesson = current && this.lesson(current.lessonId);
    if (!current || !lesson || this.store.getState().lessonRun) return;
    const stepIndex = Math.min(current.stepIndex, lesson.steps.length - 1);
    const epoch = ++this.epoch;
    this.setRun({
      lessonId: lesson.id,
      stepIndex,
      status: "setting-up",
      hintsShown: 0,
      error: null,
    });
    await this.ctx
      .until(offsetsKnown, "the partitions' offsets", RESTORE_WAIT_MS)
      .catch(() => undefined);
    if (epoch === this.epoch) await this.beginStep(lesson, stepIndex, epoch);
  }

  /** Starts (or starts again) a lesson from its setup. */
  async start(lessonId: string): Promise<void> {
    const lesson = this.lesson(lessonId);
    if (!lesson) throw new Error(`No lesson "${lessonId}"`);
    const epoch = this.reset();
    this.setRun({ lessonId, stepIndex: 0, status: "setting-up", hintsShown: 0, error: null });
    this.save({ lessonId, stepIndex: 0 });
    try {
      await lesson.setup(this.ctx);
    } catch (error) {
      if (epoch !== this.epoch) return;
      this.fail(error);
      this.setupFailed = true;
      return;
    }
    if (epoch === this.epoch) await this.beginStep(lesson, 0, epoch);
  }

  /** Tries the current step again from a fresh baseline (after a failed "show me"). */
  async retry(): Promise<void> {
    const run = this.store.getState().lessonRun;
    const lesson = run && this.lesson(run.lessonId);
    if (!run || !lesson) return;
    if (run.stepIndex >= lesson.steps.length) return;
    if (this.setupFailed) return this.start(run.lessonId);
    await this.beginStep(lesson, run.stepIndex, this.reset());
  }

  /**
   * Does the current step with the page's actions; the step's check still decides. A press
   * meant for step `stepIndex` that arrives after the cluster completed it does nothing:
   * it must not do the next step for the learner.
   */
  async showMe(stepIndex?: number): Promise<void> {
    const run = this.store.getState().lessonRun;
    const lesson = run && this.lesson(run.lessonId);
    if (!run || !lesson || run.status !== "running") return;
    if (stepIndex !== undefined && stepIndex !== run.stepIndex) return;
    const epoch = this.epoch;
    await this.baselineTaken;
    if (epoch !== this.epoch) return;
    this.stopChecking();
    this.patchRun({ status: "showing" });
    try {
      await lesson.steps[run.stepIndex]!.showMe(this.ctx, this.baseline);
    } catch (error) {
      if (epoch === this.epoch) this.fail(error);
      return;
    }
    if (epoch !== this.epoch) return;
    this.patchRun({ status: "running" });
    this.scheduleCheck(lesson, run.stepIndex, epoch, 0);
  }

  showHint(): void {
    const run = this.store.getState().lessonRun;
    const lesson = run && this.lesson(run.lessonId);
    const hints = (run && lesson?.steps[run.stepIndex]?.hints.length) ?? 0;
    if (run && run.hintsShown < hints) this.patchRun({ hintsShown: run.hintsShown + 1 });
  }

  /** Leaves the lesson; the cluster stays as it is. */
  exit(): void {
    this.reset();
    this.store.setState({ lessonRun: null });
    this.save(null);
  }

  private async beginStep(lesson: Lesson, stepIndex: number, epoch: number): Promise<void> {
    if (stepIndex >= lesson.steps.length) return this.complete(lesson);
    this.setRun({ lessonId: lesson.id, stepIndex, status: "running", hintsShown: 0, error: null });
    this.save({ lessonId: lesson.id, stepIndex });
    this.baseline = undefined;
    try {
      this.baselineTaken = Promise.resolve(lesson.steps[stepIndex]!.start(this.ctx));
      const baseline = await this.baselineTaken;
      if (epoch !== this.epoch) return;
      this.baseline = baseline;
    } catch (error) {
      if (epoch === this.epoch) this.fail(error);
      return;
    }
    this.scheduleCheck(lesson, stepIndex, epoch, 0);
  }

  private scheduleCheck(lesson: Lesson, stepIndex: number, epoch: number, delayMs: number) {
    this.stopChecking();
    this.checkTimer = setTimeout(() => {
      this.checkTimer = null;
      void this.checkOnce(lesson, stepIndex, epoch);
    }, delayMs);
  }

  private async checkOnce(lesson: Lesson, stepIndex: number, epoch: number): Promise<void> {
    let done = false;
    try {
      done = await lesson.steps[stepIndex]!.check(this.ctx, this.baseline);
    } catch {
      // A check that cannot tell yet (a broker is restarting, a request timed out) is
      // simply not done; it is asked again.
      done = false;
    }
    if (epoch !== this.epoch || this.store.getState().lessonRun?.status !== "running") return;
    if (done) await this.beginStep(lesson, stepIndex + 1, ++this.epoch);
    else this.scheduleCheck(lesson, stepIndex, epoch, CHECK_INTERVAL_MS);
  }

  private complete(lesson: Lesson): void {
    this.stopChecking();
    this.setRun({
      lessonId: lesson.id,
      stepIndex: lesson.steps.length,
      status: "complete",
      hintsShown: 0,
      error: null,
    });
    if (!this.progress.completed.includes(lesson.id)) this.progress.completed.push(lesson.id);
    this.store.setState({ lessonsCompleted: [...this.progress.completed] });
    this.save(null);
  }

  private fail(error: unknown): void {
    this.stopChecking();
    const name = error instanceof LessonActionError ? error.errorName : "Error";
    const message =
      error instanceof LessonActionError
        ? error.message.slice(name.length + 2)
        : error instanceof Error
          ? error.message
          : String(error);
    this.patchRun({ status: "failed", error: { name, message } });
  }

  /** Cancels whatever the previous lesson or step was doing; returns the new epoch. */
  private reset(): number {
    this.stopChecking();
    this.setupFailed = false;
    this.baseline = undefined;
    return ++this.epoch;
  }

  private stopChecking(): void {
    if (this.checkTimer !== null) clearTimeout(this.checkTimer);
    this.checkTimer = null;
  }

  private setRun(run: LessonRun): void {
    this.store.setState({ lessonRun: run });
  }

  private patchRun(patch: Partial<LessonRun>): void {
    const run = this.store.getState().lessonRun;
    if (run) this.store.setState({ lessonRun: { ...run, ...patch } });
  }

  private save(current: LessonProgress["current"]): void {
    this.progress.current = current;
    saveProgress(this.progress, this.storage);
  }
}
