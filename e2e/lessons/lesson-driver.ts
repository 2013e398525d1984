/**
 * Takes a lesson the way a learner does: Lessons in the top bar, the lesson in the list,
 * then each step in turn, either by doing it on the page (a spec passes its own moves for
 * a step) or with the step's "Show me" button; after each move it waits for the step to be
 * marked done, which only the lesson's check on the live cluster can do.
 *
 * Test contract of the lesson panel (src/ui/lessons/panel/):
 * - top-bar button named "Lessons" opens the list; each lesson is `lesson-<id>`;
 * - `lesson-panel` has data-lesson, data-status (setting-up|running|showing|complete|failed)
 *   and data-step (the current step's index);
 * - each step is `lesson-step-<stepId>` with data-state done|current|pending;
 * - buttons "Show me", "Hint", "Retry", "Exit lesson"; the error text is `lesson-error`.
 */
import { expect, test, type Page } from "@playwright/test";
import { openPlayground } from "../playground/playground-fixture.ts";

export type StepMove = (page: Page) => Promise<void>;

export interface LessonTaking {
  /** Moves done on the page for these step ids instead of "Show me". */
  moves?: Record<string, StepMove>;
  /** How long one step may take to show its effect (wall time). */
  stepTimeoutMs?: number;
  /** Called after each step is done, e.g. to take a screenshot. */
  afterStep?: (stepId: string) => Promise<void>;
}

const SETUP_TIMEOUT_MS = 90_000;

/**
 * Opens the playground for a lesson: the cluster up and the welcome card put away. A page
 * that an earlier lesson left open (lesson-fixture.ts) is used as it is.
 */
export async function openForLesson(page: Page): Promise<void> {
  if (page.url().startsWith("http")) return;
  await openPlayground(page);
  await page.getByRole("button", { name: "Got it" }).click();
}

/**
 * Keeps a lesson's record in the test's report: a screenshot after each step (`afterStep`
 * for `takeLesson`) with its wall time since the lesson began, and the lesson's total on
 * `finish()`.
 */
export function lessonRecorder(snapshot: (name: string) => Promise<void>, label: string) {
  const started = Date.now();
  const note = (type: string, description: string) => {
    test.info().annotations.push({ type, description });
    console.log(`${label} ${type}: ${description}`);
  };
  return {
    afterStep: async (stepId: string) => {
      note(stepId, `done at ${Date.now() - started} ms`);
      await snapshot(`${label}-${stepId}`);
    },
    finish: () => note("wall time", `${Date.now() - started} ms`),
  };
}

export async function openLesson(page: Page, lessonId: string): Promise<void> {
  await page.getByRole("button", { name: "Lessons", exact: true }).click();
  await page.getByTestId(`lesson-${lessonId}`).click();
  const panel = page.getByTestId("lesson-panel");
  await expect(panel).toHaveAttribute("data-lesson", lessonId);
  await expect(panel).toHaveAttribute("data-status", /running|failed/, {
    timeout: SETUP_TIMEOUT_MS,
  });
  await expectNotFailed(page);
}

/** Opens the lesson and completes every step; fails with the panel's error if one fails. */
export async function takeLesson(page: Page, lessonId: string, taking: LessonTaking = {}) {
  await openLesson(page, lessonId);
  const panel = page.getByTestId("lesson-panel");
  const steps = panel.locator('[data-testid^="lesson-step-"]');
  const count = await steps.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    const item = steps.nth(index);
    await expect(item).toHaveAttribute("data-state", "current");
    const stepId = (await item.getAttribute("data-testid"))!.slice("lesson-step-".length);
    const move = taking.moves?.[stepId];
    if (move) await move(page);
    else await showMeUnlessDone(page, item, index);
    await waitForDone(page, item, taking.stepTimeoutMs ?? 60_000);
    await taking.afterStep?.(stepId);
  }
  await expect(panel).toHaveAttribute("data-status", "complete");
}

/**
 * Clicks "Show me" while step `index` is current, unless the cluster completed the step
 * first (its check can pass as soon as the step becomes current, and then the button is
 * gone). The panel must still be on that step when the button is found, and a press that
 * arrives just after the step completed does nothing (the page sends the step it was
 * pressed for), so the next step is never shown by mistake.
 */
async function showMeUnlessDone(page: Page, item: ReturnType<Page["getByTestId"]>, index: number) {
  const showMe = page
    .locator(`[data-testid="lesson-panel"][data-step="${index}"]`)
    .getByRole("button", { name: "Show me" });
  for (;;) {
    if ((await item.getAttribute("data-state")) === "done") return;
    try {
      await showMe.click({ timeout: 2_000 });
      return;
    } catch (error) {
      await expectNotFailed(page);
      if (!["current", "done"].includes((await item.getAttribute("data-state")) ?? "")) throw error;
    }
  }
}

async function waitForDone(page: Page, item: ReturnType<Page["getByTestId"]>, timeout: number) {
  const deadline = Date.now() + timeout;
  while ((await item.getAttribute("data-state")) !== "done") {
    await expectNotFailed(page);
    if (Date.now() > deadline) {
      throw new Error(`step ${await item.getAttribute("data-testid")} not done in ${timeout} ms`);
    }
    await page.waitForTimeout(250);
  }
}

async function expectNotFailed(page: Page): Promise<void> {
  const status = await page.getByTestId("lesson-panel").getAttribute("data-status");
  if (status === "failed") {
    const error = await page.getByTestId("lesson-error").textContent();
    throw new Error(`the lesson failed: ${error}`);
  }
}
