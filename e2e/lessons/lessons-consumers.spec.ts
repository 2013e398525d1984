/**
 * Lessons 2–6 (keys, consumer groups, assignors, rebalances, offsets and commits) taken in
 * the production build. In each, at least one step is done with the page's own controls —
 * the palette and the producer or consumer dialog, a consumer's Close or Crash button —
 * and the rest with "Show me"; every step is marked done only by the lesson's check on
 * the live cluster.
 */
import type { Locator, Page } from "@playwright/test";
import { pageState } from "../playground/playground-driver.ts";
import { expect, test } from "./lesson-fixture.ts";
import { lessonRecorder, openForLesson, takeLesson } from "./lesson-driver.ts";

/** A consumer dropped on a group's card joins it, with the dialog's defaults unless `change`d. */
async function joinGroupByDragging(
  page: Page,
  groupId: string,
  change?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByTestId("palette-consumer").dragTo(page.getByTestId(`group-${groupId}`));
  const dialog = page.getByTestId("dialog-consumer");
  await expect(dialog.getByLabel("group.id")).toHaveValue(groupId);
  await change?.(dialog);
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
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-2");
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
    afterStep: record.afterStep,
  });
  // The topic grew, and the tapes show it.
  await expect(page.getByTestId("partition-lesson-keys-5")).toBeAttached();
  record.finish();
});

test("lesson 3: a group shares partitions; another group reads them all again", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(180_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-3");
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
    afterStep: record.afterStep,
  });
  await expect(page.getByTestId("group-lesson-billing")).toContainText("no partitions");
  record.finish();
});

test("lesson 4: four assignors on the same members and topics", async ({ page, snapshot }) => {
  test.setTimeout(180_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-4");
  const groups = ["range", "roundrobin", "sticky", "cooperative-sticky"].map((a) => `lesson-${a}`);
  await takeLesson(page, "assignors", {
    moves: {
      "one-leaves": async (p) => {
        for (const groupId of groups) await pressOnGroupMember(p, groupId, "Close consumer");
      },
      // A member like the others: dropped on its group's card, subscribed to both topics.
      "one-joins": async (p) => {
        for (const groupId of groups) {
          await joinGroupByDragging(p, groupId, async (dialog) => {
            await dialog.getByRole("checkbox", { name: "lesson-assign-b" }).check();
          });
        }
      },
    },
    afterStep: record.afterStep,
  });
  for (const groupId of groups) {
    await expect(page.getByTestId(`group-${groupId}`)).toHaveAttribute("data-state", "Stable");
  }
  record.finish();
});

test("lesson 5: eager and cooperative, leaving and crashing, a static restart", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(180_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-5");
  await takeLesson(page, "rebalances", {
    moves: {
      "eager-join": (p) => joinGroupByDragging(p, "lesson-eager"),
      leave: (p) => pressOnGroupMember(p, "lesson-eager", "Close consumer"),
      crash: (p) => pressOnGroupMember(p, "lesson-cooperative", "Crash consumer"),
    },
    afterStep: record.afterStep,
  });
  record.finish();
});

test("lesson 6: at least once, at most once, and the commits in __consumer_offsets", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(180_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-6");
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
    afterStep: record.afterStep,
  });
  record.finish();
});
