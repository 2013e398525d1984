import { describe, expect, it } from "vitest";
import type { LessonRun } from "../../store/lessons-slice.ts";
import { step, type Lesson } from "../lesson.ts";
import {
  canShowMe,
  hintsLeft,
  isBusy,
  lessonNumber,
  localized,
  nextLesson,
  stepStates,
  suggestedLessonIndex,
} from "./step-states.ts";

const words = (text: string) => ({ en: text, ko: `${text} (ko)` });

function lesson(id: string, hintCounts: number[] = [2, 0, 1]): Lesson {
  return {
    id,
    title: words(id),
    question: words(`why ${id}?`),
    setup: async () => {},
    steps: hintCounts.map((hints, index) =>
      step({
        id: `s${index}`,
        narration: words(`do ${index}`),
        hints: Array.from({ length: hints }, (_, h) => words(`hint ${h}`)),
        takeaway: words(`learned ${index}`),
        check: () => false,
        showMe: async () => {},
      }),
    ),
    summary: words("summary"),
  };
}

function run(patch: Partial<LessonRun>): LessonRun {
  return { lessonId: "a", stepIndex: 0, status: "running", hintsShown: 0, error: null, ...patch };
}

describe("stepStates", () => {
  it("marks steps before the index done, the index current, the rest pending", () => {
    expect(stepStates(run({ stepIndex: 1 }), 3)).toEqual(["done", "current", "pending"]);
  });

  it("has no current step while the cluster is being set up", () => {
    expect(stepStates(run({ status: "setting-up" }), 3)).toEqual(["pending", "pending", "pending"]);
  });

  it("keeps the failed step current (the error belongs to it)", () => {
    expect(stepStates(run({ stepIndex: 2, status: "failed" }), 3)).toEqual([
      "done",
      "done",
      "current",
    ]);
  });

  it("keeps the step current while Show me is doing it", () => {
    expect(stepStates(run({ stepIndex: 0, status: "showing" }), 2)).toEqual(["current", "pending"]);
  });

  it("marks every step done once the lesson is complete", () => {
    expect(stepStates(run({ stepIndex: 3, status: "complete" }), 3)).toEqual([
      "done",
      "done",
      "done",
    ]);
  });
});

describe("buttons", () => {
  it("allows Show me only while the engine waits on the learner", () => {
    expect(canShowMe("running")).toBe(true);
    for (const status of ["setting-up", "showing", "failed", "complete"] as const) {
      expect(canShowMe(status)).toBe(false);
    }
  });

  it("is busy while setting up or showing", () => {
    expect(isBusy("setting-up")).toBe(true);
    expect(isBusy("showing")).toBe(true);
    expect(isBusy("running")).toBe(false);
    expect(isBusy("failed")).toBe(false);
  });

  it("counts the current step's hints not yet shown", () => {
    const subject = lesson("a");
    expect(hintsLeft(run({ stepIndex: 0, hintsShown: 0 }), subject)).toBe(2);
    expect(hintsLeft(run({ stepIndex: 0, hintsShown: 1 }), subject)).toBe(1);
    expect(hintsLeft(run({ stepIndex: 0, hintsShown: 2 }), subject)).toBe(0);
    expect(hintsLeft(run({ stepIndex: 1 }), subject)).toBe(0);
    expect(hintsLeft(run({ stepIndex: 2 }), subject)).toBe(1);
  });

  it("has no hints once complete (the index is past the last step)", () => {
    expect(hintsLeft(run({ stepIndex: 3, status: "complete" }), lesson("a"))).toBe(0);
  });
});

describe("the lesson list", () => {
  const lessons = [lesson("a"), lesson("b"), lesson("c")];

  it("numbers lessons from 1 and finds the next one", () => {
    expect(lessonNumber(lessons, "b")).toBe(2);
    expect(lessonNumber(lessons, "missing")).toBe(0);
    expect(nextLesson(lessons, "a")?.id).toBe("b");
    expect(nextLesson(lessons, "c")).toBeNull();
    expect(nextLesson(lessons, "missing")).toBeNull();
  });

  it("suggests the lesson being taken, else the first not finished, else the first", () => {
    expect(suggestedLessonIndex(lessons, ["a"], "c")).toBe(2);
    expect(suggestedLessonIndex(lessons, ["a"], null)).toBe(1);
    expect(suggestedLessonIndex(lessons, ["a", "b", "c"], null)).toBe(0);
    expect(suggestedLessonIndex(lessons, [], "gone")).toBe(0);
  });

  it("picks the viewer's language", () => {
    expect(localized(words("hello"), "ko")).toBe("hello (ko)");
    expect(localized(words("hello"), "en")).toBe("hello");
  });
});
