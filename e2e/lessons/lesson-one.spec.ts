/**
 * Lesson 1 taken the way a learner takes it, in the production build: the lesson list
 * from the top bar; the first step done by hand (a hint asked for, then a producer dragged
 * from the palette onto the lesson's topic); a reload in the middle, which comes back to
 * the same step; the rest with "Show me"; the lesson's mark in the list afterwards; and
 * the same panel in Korean.
 */
import type { Page } from "@playwright/test";
import { expect, openPlayground, test } from "../playground/playground-fixture.ts";
import { openForLesson, takeLesson } from "./lesson-driver.ts";

const LESSON = "append-only-log";
const TOPIC = "lesson-log";

/** Step "produce" by hand: a hint first, then the real drag and the producer dialog. */
async function produceByDragging(page: Page): Promise<void> {
  const panel = page.getByTestId("lesson-panel");
  const hint = panel.getByRole("button", { name: "Hint" });
  await expect(panel.getByTestId("lesson-hint")).toHaveCount(0);
  await hint.click();
  await expect(panel.getByTestId("lesson-hint")).toHaveCount(1);
  await expect(panel.getByTestId("lesson-hint")).toContainText("palette");
  // Lesson 1's first step has one hint: none left to ask for, and the button keeps focus.
  await expect(hint).toBeDisabled();
  await expect(hint).toBeFocused();

  await page.getByTestId("palette-producer").dragTo(page.getByTestId(`topic-${TOPIC}`));
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Rate (records/s)").fill("5");
  await dialog.getByRole("button", { name: "Add producer", exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Reloads the page mid-lesson: the panel must come back at the step it was on. */
async function reloadAndFindStep(page: Page, stepIndex: number, stepId: string): Promise<void> {
  await page.reload();
  await openPlayground(page);
  const panel = page.getByTestId("lesson-panel");
  await expect(panel).toHaveAttribute("data-lesson", LESSON, { timeout: 30_000 });
  await expect(panel).toHaveAttribute("data-step", String(stepIndex));
  await expect(panel).toHaveAttribute("data-status", "running");
  await expect(panel.getByTestId(`lesson-step-${stepId}`)).toHaveAttribute("data-state", "current");
  await expect(panel.getByTestId("lesson-step-produce")).toHaveAttribute("data-state", "done");
}

test("lesson 1: by hand, through a reload, with Show me, in both languages", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(360_000);
  await openForLesson(page);

  // The list opens from the top bar, says nothing is done yet, and Escape closes it.
  const lessonsButton = page.getByRole("button", { name: "Lessons", exact: true });
  await lessonsButton.click();
  const item = page.getByTestId(`lesson-${LESSON}`);
  await expect(item).toBeFocused();
  await expect(item).toHaveAttribute("data-done", "false");
  await page.keyboard.press("Escape");
  await expect(item).toBeHidden();
  await expect(lessonsButton).toBeFocused();

  await takeLesson(page, LESSON, {
    moves: { produce: produceByDragging },
    afterStep: async (stepId) => {
      await snapshot(`lesson-one-${stepId}`);
      if (stepId === "produce") await reloadAndFindStep(page, 1, "two-producers");
    },
  });
  const panel = page.getByTestId("lesson-panel");
  await expect(panel.getByText("Lesson complete").first()).toBeVisible();
  await expect(panel.getByRole("button", { name: "Next lesson" })).toBeVisible();

  // The list now marks the lesson done.
  await panel.getByRole("button", { name: "All lessons" }).click();
  await expect(item).toHaveAttribute("data-done", "true");
  await expect(item).toContainText("Done");
  await page.keyboard.press("Escape");

  // In Korean, the lesson's own words and the panel's are Korean.
  await page.getByTestId("language-select").selectOption("ko");
  await expect(panel).toContainText("파티션은 로그다");
  await expect(panel.getByTestId("lesson-step-read-back")).toContainText("책갈피");
  await expect(panel.getByRole("button", { name: "다음 레슨" })).toBeVisible();
  await snapshot("lesson-one-complete-ko");

  // Back to a running step in Korean: its narration is Korean too.
  await panel.getByRole("button", { name: "레슨 다시 시작" }).click();
  await expect(panel).toHaveAttribute("data-status", "running", { timeout: 90_000 });
  await expect(panel.getByTestId("lesson-step-produce")).toContainText("프로듀서를 토픽");
  await expect(panel.getByRole("button", { name: "보여 주기" })).toBeEnabled();

  await panel.getByRole("button", { name: "레슨 나가기" }).click();
  await expect(panel).toBeHidden();
});
