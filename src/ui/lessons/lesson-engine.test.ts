import { beforeEach, describe, expect, it } from "vitest";
import { create } from "zustand";
import {
  initialPlaygroundState,
  type PlaygroundState,
  type usePlayground,
} from "../store/store.ts";
import { emptyPartition } from "../store/topics-slice.ts";
import { step, type Lesson } from "./lesson.ts";
import { mustSucceed, untilState, type LessonContext } from "./lesson-context.ts";
import { LessonEngine } from "./lesson-engine.ts";
import { LESSON_PROGRESS_KEY, loadProgress } from "./lesson-progress.ts";

/** A Storage over a Map (Node has no localStorage). */
class MapStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const words = (en: string) => ({ en, ko: `${en} (ko)` });

/** A lesson over the store's speed: step one wants 2×, step two wants the speed raised again. */
function speedLesson(log: string[]): Lesson {
  return {
    id: "speed",
    title: words("Speed"),
    question: words("How fast?"),
    setup: async (ctx) => {
      log.push("setup");
      await ctx.sleep(1);
    },
    steps: [
      step({
        id: "double",
        narration: words("Go 2x"),
        hints: [words("The speed radios"), words("Pick 2x")],
        takeaway: words("Faster"),
        check: (ctx) => ctx.state().speed === 2,
        showMe: async () => {
          log.push("show double");
        },
      }),
      step<number>({
        id: "raise",
        narration: words("Go faster than now"),
        takeaway: words("Even faster"),
        start: (ctx) => ctx.state().speed,
        check: (ctx, before) => ctx.state().speed > before,
        showMe: async () => {
          throw new Error("no way to go faster here");
        },
      }),
    ],
    summary: words("Speed is a knob"),
  };
}

function contextOver(store: typeof usePlayground): LessonContext {
  return {
    state: () => store.getState(),
    actions: {} as LessonContext["actions"],
    admin: () => {
      throw new Error("no admin in this test");
    },
    until: (condition, what, timeoutMs) => untilState(store, condition, what, timeoutMs),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    must: mustSucceed,
  };
}

describe("LessonEngine", () => {
  let store: typeof usePlayground;
  let storage: MapStorage;
  let log: string[];
  let engine: LessonEngine;

  beforeEach(() => {
    store = create<PlaygroundState>(() => initialPlaygroundState());
    storage = new MapStorage();
    log = [];
    engine = new LessonEngine([speedLesson(log)], contextOver(store), store, storage);
  });

  const run = () => store.getState().lessonRun;

  it("advances only when the cluster shows the effect, and saves where the learner is", async () => {
    await engine.start("speed");
    expect(log).toEqual(["setup"]);
    expect(run()).toMatchObject({ lessonId: "speed", stepIndex: 0, status: "running" });

    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(run()?.stepIndex).toBe(0);

    await engine.showMe();
    expect(log).toContain("show double");
    expect(run()?.stepIndex).toBe(0);

    store.setState({ speed: 2 });
    await untilState(store, (s) => s.lessonRun?.stepIndex === 1, "step two", 2_000);
    expect(loadProgress(storage).current).toEqual({ lessonId: "speed", stepIndex: 1 });

    store.setState({ speed: 4 });
    await untilState(store, (s) => s.lessonRun?.status === "complete", "the end", 2_000);
    expect(store.getState().lessonsCompleted).toEqual(["speed"]);
    expect(loadProgress(storage)).toEqual({ completed: ["speed"], current: null });
  });

  it("ignores a Show me pressed for a step the cluster has already completed", async () => {
    await engine.start("speed");
    store.setState({ speed: 2 });
    await untilState(store, (s) => s.lessonRun?.stepIndex === 1, "step two", 2_000);
    // The press was for step 0; doing step 1 instead would fail it here.
    await engine.showMe(0);
    expect(run()).toMatchObject({ stepIndex: 1, status: "running", error: null });
    await engine.showMe(1);
    expect(run()).toMatchObject({ status: "failed" });
  });

  it("reports a failed show-me in words and lets the learner retry the step", async () => {
    store.setState({ speed: 2 });
    await engine.start("speed");
    await untilState(store, (s) => s.lessonRun?.stepIndex === 1, "step two", 2_000);
    await engine.showMe();
    expect(run()).toMatchObject({
      status: "failed",
      error: { name: "Error", message: "no way to go faster here" },
    });
    await engine.retry();
    expect(run()).toMatchObject({ stepIndex: 1, status: "running", error: null });
  });

  it("shows hints one at a time, never more than the step has", async () => {
    await engine.start("speed");
    engine.showHint();
    engine.showHint();
    engine.showHint();
    expect(run()?.hintsShown).toBe(2);
  });

  it("comes back to the saved step on the next visit, and forgets it on exit", async () => {
    storage.setItem(
      LESSON_PROGRESS_KEY,
      JSON.stringify({
        completed: ["gone", "speed"],
        current: { lessonId: "speed", stepIndex: 1 },
      }),
    );
    const again = new LessonEngine([speedLesson(log)], contextOver(store), store, storage);
    expect(store.getState().lessonsCompleted).toEqual(["speed"]);
    const restoring = again.restore();
    // Until the page knows the partitions' offsets, the step's baseline is not taken.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run()).toMatchObject({ stepIndex: 1, status: "setting-up" });
    const partition = {
      ...emptyPartition("t", 0),
      leader: 1,
      offsets: { 1: { logStart: 0, leo: 3, hw: 3 } },
    };
    store.setState({
      topics: {
        t: { name: "t", topicId: null, internal: false, partitions: [partition], configs: null },
      },
    });
    await restoring;
    expect(log).toEqual([]);
    expect(run()).toMatchObject({ stepIndex: 1, status: "running" });
    again.exit();
    expect(run()).toBeNull();
    expect(loadProgress(storage).current).toBeNull();
  });

  it("reads hostile saved progress as no progress", () => {
    for (const saved of [
      "{",
      "null",
      '{"completed":"x","current":{"lessonId":1}}',
      '{"current":{"lessonId":"speed","stepIndex":-3}}',
    ]) {
      storage.setItem(LESSON_PROGRESS_KEY, saved);
      const progress = loadProgress(storage);
      expect(progress.current).toBeNull();
      expect(Array.isArray(progress.completed)).toBe(true);
    }
  });
});
