import { describe, expect, it } from "vitest";
import { LESSONS } from "./catalog.ts";
import type { Localized } from "./lesson.ts";

/** Every piece of a lesson's words, with where it is, so a failure names the spot. */
function wordsOf(): [string, Localized][] {
  return LESSONS.flatMap((lesson) => [
    [`${lesson.id}.title`, lesson.title],
    [`${lesson.id}.question`, lesson.question],
    [`${lesson.id}.summary`, lesson.summary],
    ...lesson.steps.flatMap((s): [string, Localized][] => [
      [`${lesson.id}.${s.id}.narration`, s.narration],
      [`${lesson.id}.${s.id}.takeaway`, s.takeaway],
      ...s.hints.map((hint, i): [string, Localized] => [`${lesson.id}.${s.id}.hint${i}`, hint]),
    ]),
  ]);
}

describe("the lesson catalogue", () => {
  it("has unique lesson ids and unique step ids within each lesson", () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) {
      expect(lesson.steps.length, lesson.id).toBeGreaterThan(0);
      expect(new Set(lesson.steps.map((s) => s.id)).size, lesson.id).toBe(lesson.steps.length);
    }
  });

  it("says everything in both Korean and English", () => {
    for (const [where, words] of wordsOf()) {
      expect(words.en.trim(), `${where} (en)`).not.toBe("");
      expect(words.ko.trim(), `${where} (ko)`).not.toBe("");
      // Korean text has Hangul in it (a copy of the English is a missing translation).
      expect(words.ko, `${where} (ko)`).toMatch(/[\uac00-\ud7a3]/);
      expect(words.ko, `${where} is not translated`).not.toBe(words.en);
    }
  });
});
