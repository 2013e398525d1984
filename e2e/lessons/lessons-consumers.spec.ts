/**
 * Lessons 2–6 (keys, consumer groups, assignors, rebalances, offsets and commits) taken in
 * the production build. In each, at least one step is done with the page's own controls —
 * the palette and the producer or consumer dialog, a consumer's Close or Crash button —
 * and the rest with "Show me"; every step is marked done only by the lesson's check on
 * the live cluster.
 */
import type { Page } from "@playwright/test";
import { pageState } from "../playground/playground-driver.ts";
import { expect, openPlayground, test } from "../playground/playground-fixture.ts";
import { takeLesson } from "./lesson-driver.ts";

async function begin(page: Page): Promise<void> {
  await openPlayground(page);
  await page.getByRole("button", { name: "Got it" }).click();
}

function noteWallTime(started: number): void {
  const description = `${Date.now() - started} ms`;
  test.info().annotations.push({ type: "wall time", description });
  console.log(`wall time ${description}`);
}

/** After each step: a screenshot, and when the step was done (ms since the lesson began). */
function afterEachStep(snapshot: (name: string) => Promise<void>, lesson: number, started: number) {
  return async (stepId: string) => {
    const description = `done at ${Date.now() - started} ms`;
    test.info().annotations.push({ type: stepId, description });
    console.log(`lesson ${lesson}: ${stepId} ${description}`);
    await snapshot(`lesson-${lesson}-${stepId}`);
  };
}

/** A consumer dropped on a group's card joins it, with the dialog's defaults. */
async function joinGroupByDragging(page: Page, groupId: string): Promise<void> {
  await page.getByTestId("palette-consumer").dragTo(page.getByTestId(`group-${groupId}`));
  const dialog = page.getByTestId("dialog-consumer");
  await expect(dialog.getByLabel("group.id")).toHaveValue(groupId);
  await dialog.getByRole("button", { name: "Add consumer", exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** Presses a button on the first running consumer of a group's card. */
async function pressOnGroupMember(page: Page, groupId: string, name: string): Promise<void> {
  const group = page.getByTestId(`group-${groupId}`);
  await group.locator('[data-status="consuming"]').first().getByRole("button", { name }).click();
}

test("lesson 2: a key keeps its partition until partitions are added", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(180_000);
  await begin(page);
  const started = Date.now();
  await takeLesson(page, "keys-and-partitions", {
    moves: {
      "same-key": async (p) => {
        await p.getByTestId("palette-producer").dragTo(p.getByTestId("topic-lesson-keys"));
        const dialog = p.getByTestId("dialog-producer");
        await dialog.getByLabel("Rate (records/s)").fill("4");
        await dialog.getByRole("button", { name: "Add producer", exact: true }).click();
        await expect(dialog).toBeHidden();
      },
    },
    afterStep: afterEachStep(snapshot, 2, started),
  });
  // The topic grew, and the tapes show it.
  await expect(page.getByTestId("partition-lesson-keys-5")).toBeAttached();
  noteWallTime(started);
});

test("lesson 3: a group shares partitions; another group reads them all again", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(180_000);
  await begin(page);
  const started = Date.now();
  await takeLesson(page, "consumer-groups", {
    moves: {
      "first-member": async (p) => {
        await p.getByTestId("palette-consumer").dragTo(p.getByTestId("topic-lesson-groups"));
        const dialog = p.getByTestId("dialog-consumer");
        await dialog.getByLabel("group.id").fill("lesson-billing");
        await dialog.getByRole("button", { name: "Add consumer", exact: true }).click();
        await expect(dialog).toBeHidden({ timeout: 30_000 });
      },
      "idle-member": (p) => joinGroupByDragging(p, "lesson-billing"),
    },
    afterStep: afterEachStep(snapshot, 3, started),
  });
  await expect(page.getByTestId("group-lesson-billing")).toContainText("no partitions");
  noteWallTime(started);
});

test("lesson 4: four assignors on the same members and topics", async ({ page, snapshot }) => {
  test.setTimeout(180_000);
  await begin(page);
  const started = Date.now();
  const groups = ["range", "roundrobin", "sticky", "cooperative-sticky"].map((a) => `lesson-${a}`);
  await takeLesson(page, "assignors", {
    moves: {
      "one-leaves": async (p) => {
        for (const groupId of groups) await pressOnGroupMember(p, groupId, "Close consumer");
      },
    },
    afterStep: afterEachStep(snapshot, 4, started),
  });
  for (const groupId of groups) {
    await expect(page.getByTestId(`group-${groupId}`)).toHaveAttribute("data-state", "Stable");
  }
  noteWallTime(started);
});

test("lesson 5: eager and cooperative, leaving and crashing, a static restart", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(180_000);
  await begin(page);
  const started = Date.now();
  await takeLesson(page, "rebalances", {
    moves: {
      "eager-join": (p) => joinGroupByDragging(p, "lesson-eager"),
      leave: (p) => pressOnGroupMember(p, "lesson-eager", "Close consumer"),
      crash: (p) => pressOnGroupMember(p, "lesson-cooperative", "Crash consumer"),
    },
    afterStep: afterEachStep(snapshot, 5, started),
  });
  noteWallTime(started);
});

test("lesson 6: at least once, at most once, and the commits in __consumer_offsets", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(180_000);
  await begin(page);
  const started = Date.now();
  await takeLesson(page, "offsets-and-commits", {
    moves: {
      "at-least-once": async (p) => {
        // Crash after the group's first auto commit, as a learner watching the mark would.
        await expect
          .poll(
            async () =>
              (await pageState(p)).groups["lesson-at-least-once"]?.committed["lesson-commits:0"] ??
              -1,
            { timeout: 60_000 },
          )
          .toBeGreaterThan(0);
        await pressOnGroupMember(p, "lesson-at-least-once", "Crash consumer");
        await joinGroupByDragging(p, "lesson-at-least-once");
      },
      "offsets-topic": (p) => pressOnGroupMember(p, "lesson-at-least-once", "Close consumer"),
    },
    afterStep: afterEachStep(snapshot, 6, started),
  });
  noteWallTime(started);
});
