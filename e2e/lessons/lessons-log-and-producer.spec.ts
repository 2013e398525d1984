/**
 * Lessons 11–14 (retention and segments, compaction, the idempotent producer, batching)
 * taken in the production build. In each, at least one step is done with the page's own
 * controls — the topic's config dialog, the palette and the producer dialog, a link's
 * popover, the Terminal tab's kafka-console-producer — and the rest with "Show me"; every
 * step is marked done only by the lesson's check on the live cluster.
 */
import type { Locator, Page } from "@playwright/test";
import { leaderOf } from "../playground/playground-driver.ts";
import { expect, test } from "./lesson-fixture.ts";
import { lessonRecorder, openForLesson, takeLesson } from "./lesson-driver.ts";

/** The lesson column hides the inspector behind a tab: do `work` there, then come back. */
async function inInspector(page: Page, work: () => Promise<void>): Promise<void> {
  await page.getByRole("tab", { name: "Inspector" }).click();
  await work();
  await page.getByRole("tab", { name: /^Lesson/ }).click();
}

/** Sets one topic config through the topic's "Edit configs" dialog. */
async function setTopicConfig(page: Page, topic: string, name: string, value: string) {
  await page.getByTestId(`topic-${topic}`).click();
  await inInspector(page, async () => {
    await page.getByRole("button", { name: "Edit configs" }).click();
    const dialog = page.getByTestId("dialog-topic-configs");
    const field = dialog.getByLabel(name, { exact: true });
    await expect(field).toBeEnabled({ timeout: 30_000 });
    if ((await field.evaluate((element) => element.tagName)) === "SELECT") {
      await field.selectOption(value);
    } else {
      await field.fill(value);
    }
    await saveLikeALearner(dialog, dialog.getByRole("button", { name: /^Save changes/ }));
  });
}

/**
 * Saves a dialog; when it shows Kafka's error instead of closing (at 4× on a busy machine
 * the controller can miss an admin call's deadline: REQUEST_TIMED_OUT), saves again, as a
 * learner would, a few times at most.
 */
async function saveLikeALearner(dialog: Locator, save: Locator): Promise<void> {
  const error = dialog.getByRole("alert");
  for (let attempt = 1; ; attempt += 1) {
    await save.click();
    // The request is under way (the dialog says so while busy), then it closes or says why not.
    await expect(dialog)
      .toHaveAttribute("aria-busy", "true", { timeout: 2_000 })
      .catch(() => {});
    await expect
      .poll(
        async () =>
          !(await dialog.isVisible()) ||
          ((await dialog.getAttribute("aria-busy")) === "false" && (await error.isVisible())),
        { timeout: 60_000 },
      )
      .toBe(true);
    if (!(await dialog.isVisible())) return;
    if (attempt === 3) throw new Error(`the dialog failed 3 times: ${await error.textContent()}`);
  }
}

/** Changes the topic's only producer through its "Edit settings" dialog. */
async function editProducer(page: Page, change: (dialog: Locator) => Promise<void>) {
  // Its name selects it: the card's middle may be its rate slider, or the last error's box.
  await page
    .getByTestId(/^producer-\d+$/)
    .first()
    .getByRole("heading")
    .click();
  await inInspector(page, async () => {
    await page.getByRole("button", { name: "Edit settings" }).click();
    const dialog = page.getByTestId("dialog-producer");
    await change(dialog);
    await saveLikeALearner(dialog, dialog.getByRole("button", { name: "Save", exact: true }));
  });
}

/** Retries counted by the page's producers (the producer card shows them). */
function producerRetries(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { store } = (
      window as unknown as {
        kafkaPlayground: {
          store: { getState(): { producers: Record<string, { retries: number }> } };
        };
      }
    ).kafkaPlayground;
    return Object.values(store.getState().producers).reduce((sum, p) => sum + p.retries, 0);
  });
}

/**
 * Lesson 12's tombstone by hand: the producer stops writing bob (its key set in the
 * producer dialog), and the Terminal tab's kafka-console-producer sends bob with a null
 * value (null.marker).
 */
async function deleteBobByHand(page: Page): Promise<void> {
  await editProducer(page, (dialog) => dialog.getByLabel("Key set").fill("alice, carol"));
  await page.getByRole("tab", { name: "Terminal" }).click();
  const input = page.getByTestId("terminal-input");
  await input.fill(
    "kafka-console-producer.sh --bootstrap-server broker-1:9092 --topic lesson-compact " +
      "--property parse.key=true --property key.separator=: --property null.marker=NULL",
  );
  await input.press("Enter");
  await expect(input).toHaveAccessibleName(/^Standard input of kafka-console-producer/);
  await input.fill("bob:NULL");
  await input.press("Enter");
  await input.press("Control+d");
  await expect(input).toHaveAccessibleName("Command", { timeout: 30_000 });
}

test("lesson 11: retention deletes whole segments, read or not", async ({ page, snapshot }) => {
  test.setTimeout(300_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-11");
  await takeLesson(page, "retention-and-segments", {
    // The broker checks retention every log.retention.check.interval.ms (5 min of node
    // time, 75 s at 4×): that step may take that long.
    stepTimeoutMs: 110_000,
    moves: {
      retention: (p) => setTopicConfig(p, "lesson-retention", "retention.ms", "20000"),
    },
    afterStep: record.afterStep,
  });
  await expect(page.getByTestId("partition-lesson-retention-0")).not.toHaveAttribute(
    "data-log-start",
    "0",
  );
  record.finish();
});

test("lesson 12: compaction keeps the latest value per key; a tombstone deletes a key", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(240_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-12");
  await takeLesson(page, "compaction", {
    moves: {
      compact: (p) => setTopicConfig(p, "lesson-compact", "cleanup.policy", "compact"),
      tombstone: deleteBobByHand,
      // Nothing to do but wait for the cleaner: and the step may be done already (the
      // tombstone can be cleaned away before step 3's check notices), so no "Show me".
      "tombstone-gone": async () => {},
    },
    afterStep: record.afterStep,
  });
  record.finish();
});

test("lesson 13: a lost answer duplicates records, unless the producer is idempotent", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(240_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-13");
  await takeLesson(page, "idempotent-producer", {
    moves: {
      "plain-producer": async (p) => {
        await p.getByTestId("palette-producer").dragTo(p.getByTestId("topic-lesson-idempotence"));
        const dialog = p.getByTestId("dialog-producer");
        await dialog.getByLabel("Rate (records/s)").fill("5");
        await dialog.getByLabel("Value", { exact: true }).fill("payment #{n}");
        await dialog.getByRole("checkbox", { name: "enable.idempotence" }).uncheck();
        await dialog.getByRole("button", { name: "Add producer", exact: true }).click();
        await expect(dialog).toBeHidden();
      },
      // The hint's way: the answers come back after request.timeout.ms, so they are lost.
      "lost-answers": async (p) => {
        const leader = await leaderOf(p, "lesson-idempotence", 0);
        const link = p.getByTestId(`link-page-${leader}`);
        const popover = p.getByRole("dialog", {
          name: `Link between the page's clients and broker ${leader}`,
        });
        await link.click();
        await popover.getByLabel("Latency (ms)").fill("20000");
        await popover.getByRole("button", { name: "Apply" }).click();
        await expect(link).toHaveAttribute("data-state", "degraded");
        await expect.poll(() => producerRetries(p), { timeout: 60_000 }).toBeGreaterThan(0);
        if (!(await popover.isVisible())) await link.click();
        await popover.getByRole("button", { name: "Heal link" }).click();
        await expect(link).toHaveAttribute("data-state", "healthy");
        await popover.getByRole("button", { name: "Close" }).click();
        await expect(popover).toBeHidden();
      },
      "idempotence-on": (p) =>
        editProducer(p, (dialog) =>
          dialog.getByRole("checkbox", { name: "enable.idempotence" }).check(),
        ),
    },
    afterStep: record.afterStep,
  });
  record.finish();
});

test("lesson 14: linger.ms trades latency for fewer, bigger requests", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(240_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-14");
  await takeLesson(page, "batching", {
    moves: {
      linger: (p) => editProducer(p, (dialog) => dialog.getByLabel("linger.ms").fill("1000")),
    },
    afterStep: record.afterStep,
  });
  record.finish();
});
