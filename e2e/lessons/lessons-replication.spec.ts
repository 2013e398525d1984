/**
 * Lessons 7–10 (replication, acks and min.insync.replicas, unclean election, the KRaft
 * controller) and 15 (failover end to end) taken in the production build. In each, the steps
 * that break or mend the cluster are done at least once with the page's own controls (a
 * broker card's Kill broker and Restart broker, a link's Cut link and Heal link), the rest
 * with "Show me"; every step is marked done only by the lesson's check on the live cluster.
 */
import type { Page } from "@playwright/test";
import { leaderOf } from "../playground/playground-driver.ts";
import { expect, test } from "./lesson-fixture.ts";
import { lessonRecorder, openForLesson, takeLesson } from "./lesson-driver.ts";
import { killBroker, pressOnBroker, replicaBrokers } from "./broker-moves.ts";

async function controllerId(page: Page): Promise<number> {
  const card = page.locator('[data-testid^="broker-"][data-controller="true"]').first();
  await expect(card).toBeVisible();
  return Number((await card.getAttribute("data-testid"))!.slice("broker-".length));
}

/** Opens the link between two brokers on the canvas and presses Cut link or Heal link. */
async function changeLink(page: Page, a: number, b: number, action: "Cut link" | "Heal link") {
  const [low, high] = [a, b].sort((x, y) => x - y);
  const link = page.getByTestId(`link-${low}-${high}`);
  const popover = page.getByRole("dialog", {
    name: `Link between broker ${low} and broker ${high}`,
  });
  if (!(await popover.isVisible())) await link.click();
  await popover.getByRole("button", { name: action }).click();
  await expect(link).toHaveAttribute("data-state", action === "Cut link" ? "cut" : "healthy");
}

test("lesson 7: followers copy the leader, and consumers read only below the HW", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(240_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-7");
  const topic = "lesson-replication";
  let cut: [number, number] | null = null;
  await takeLesson(page, "replication", {
    moves: {
      // The leader's link to the follower that is not the controller, on the canvas.
      "cut-follower": async (p) => {
        const leader = await leaderOf(p, topic, 0);
        const controller = await controllerId(p);
        const follower = (await replicaBrokers(p, topic)).find(
          (id) => id !== leader && id !== controller,
        )!;
        cut = [leader, follower];
        await changeLink(p, leader, follower, "Cut link");
      },
      heal: async (p) => {
        await changeLink(p, cut![0], cut![1], "Heal link");
      },
    },
    afterStep: record.afterStep,
  });
  await expect(page.locator(`[data-testid^="replica-${topic}-0-"][data-isr="false"]`)).toHaveCount(
    0,
  );
  record.finish();
});

test("lesson 8: acks=1 loses an acknowledged record; acks=all stops at min.insync.replicas", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(240_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-8");
  await takeLesson(page, "acks-and-min-isr", {
    moves: {
      // The cut-off leader killed from its broker card, before its followers leave the ISR.
      "kill-leader": async (p) => killBroker(p, await leaderOf(p, "lesson-acks", 0)),
    },
    afterStep: record.afterStep,
  });
  await expect(page.getByTestId(/^producer-\d+$/).first()).toContainText("NOT_ENOUGH_REPLICAS");
  record.finish();
});

test("lesson 9: an unclean election trades acknowledged records for availability", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(240_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-9");
  const topic = "lesson-unclean";
  let behind = -1;
  await takeLesson(page, "unclean-election", {
    moves: {
      "fall-behind": async (p) => {
        const leader = await leaderOf(p, topic, 0);
        behind = (await replicaBrokers(p, topic)).find((id) => id !== leader)!;
        await killBroker(p, behind);
      },
      "unclean-leader": async (p) => pressOnBroker(p, behind, "Restart broker"),
    },
    afterStep: record.afterStep,
  });
  expect(await leaderOf(page, topic, 0)).toBe(behind);
  record.finish();
});

test("lesson 10: the quorum elects another controller, and the old one rejoins", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(240_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-10");
  let old = -1;
  await takeLesson(page, "kraft-controller", {
    moves: {
      "kill-controller": async (p) => {
        old = await controllerId(p);
        await killBroker(p, old);
      },
      rejoin: async (p) => pressOnBroker(p, old, "Restart broker"),
    },
    afterStep: record.afterStep,
  });
  await expect(page.getByTestId(`broker-${old}`)).toHaveAttribute("data-controller", "false");
  await expect(page.getByTestId(`broker-${old}`)).toHaveAttribute("data-state", "alive");
  record.finish();
});

test("lesson 15: brokers die one by one until writes stop, and nothing acknowledged is lost", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(300_000);
  await openForLesson(page);
  const record = lessonRecorder(snapshot, "lesson-15");
  const topic = "lesson-failover";
  await takeLesson(page, "failover", {
    moves: {
      "first-down": async (p) => killBroker(p, await leaderOf(p, topic, 0)),
      "bring-back": async (p) => {
        for (const id of await replicaBrokers(p, topic)) {
          const card = p.getByTestId(`broker-${id}`);
          if ((await card.getAttribute("data-state")) === "dead") {
            await pressOnBroker(p, id, "Restart broker");
          }
        }
      },
    },
    afterStep: record.afterStep,
  });
  record.finish();
});
