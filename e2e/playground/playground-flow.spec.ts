/**
 * The playground as a learner uses it, in the production build with real drags: the
 * default cluster on a first visit; a new topic; a producer and a consumer dragged onto
 * it; the leader of a partition killed (a new leader, and every acknowledged record still
 * consumed); a second consumer splitting the partitions; a follower's link cut (it leaves
 * the ISR) and healed (it returns); a reload that finds everything again. Each state's
 * screenshot is kept among the test's artifacts.
 */
import {
  assignmentsOf,
  createTopicInDialog,
  expectEveryAcknowledgedRecordConsumed,
  leaderOf,
  pageState,
} from "./playground-driver.ts";
import { expect, openPlayground, test } from "./playground-fixture.ts";

const GROUP = "payments-readers";

test("a learner's first session, from first visit to reload", async ({ page, snapshot }) => {
  test.setTimeout(420_000);
  await openPlayground(page);
  await expect(page.getByTestId("topic-orders")).toBeVisible();
  await snapshot("01-first-visit");
  await page.getByRole("button", { name: "Got it" }).click();

  await createTopicInDialog(page, "payments", 3, 3);
  await snapshot("02-topic-created");

  // A producer dragged onto the topic.
  await page.getByTestId("palette-producer").dragTo(page.getByTestId("topic-payments"));
  const producerDialog = page.getByRole("dialog");
  await producerDialog.getByLabel("Rate (records/s)").fill("20");
  await producerDialog.getByRole("button", { name: "Add producer", exact: true }).click();
  await expect(producerDialog).toBeHidden();
  await expect(page.getByTestId(/^producer-\d+$/)).toHaveCount(1);

  // A consumer dragged onto the topic joins a new group and reads.
  await page.getByTestId("palette-consumer").dragTo(page.getByTestId("topic-payments"));
  const consumerDialog = page.getByRole("dialog");
  await consumerDialog.getByLabel("group.id").fill(GROUP);
  await consumerDialog.getByRole("button", { name: "Add consumer", exact: true }).click();
  await expect(consumerDialog).toBeHidden();
  const group = page.getByTestId(`group-${GROUP}`);
  await expect(group).toHaveAttribute("data-state", "Stable", { timeout: 60_000 });
  await expect
    .poll(async () => Object.values((await pageState(page)).consumers)[0]?.consumed ?? 0, {
      timeout: 60_000,
    })
    .toBeGreaterThan(10);
  await snapshot("03-producing-and-consuming");

  // Kill the leader of payments-0: another replica leads, and nothing acknowledged is lost.
  const leader = await leaderOf(page, "payments", 0);
  const leaderCard = page.getByTestId(`broker-${leader}`);
  await leaderCard.getByRole("button", { name: "Kill broker" }).click();
  await expect(leaderCard).toHaveAttribute("data-state", "dead");
  await expect(leaderCard).toHaveAttribute("data-controller", "false", { timeout: 30_000 });
  await expect.poll(() => leaderOf(page, "payments", 0), { timeout: 60_000 }).not.toBe(leader);
  await snapshot("04-leader-killed");
  await page
    .getByTestId(/^producer-\d+$/)
    .getByRole("button", { name: "Stop sending" })
    .click();
  await expectEveryAcknowledgedRecordConsumed(page, "payments", GROUP);
  const { producers } = await pageState(page);
  expect(Object.values(producers)[0]!.failed).toBe(0);
  await leaderCard.getByRole("button", { name: "Restart broker" }).click();
  await expect(leaderCard).toHaveAttribute("data-state", "alive", { timeout: 60_000 });
  await page
    .getByTestId(/^producer-\d+$/)
    .getByRole("button", { name: "Start sending" })
    .click();

  // A second consumer dropped onto the group: the partitions split between the two.
  await page.getByTestId("palette-consumer").dragTo(group);
  const secondDialog = page.getByRole("dialog");
  await expect(secondDialog.getByLabel("group.id")).toHaveValue(GROUP);
  await secondDialog.getByRole("button", { name: "Add consumer", exact: true }).click();
  await expect(secondDialog).toBeHidden();
  await expect
    .poll(
      async () => (await assignmentsOf(page, GROUP)).map((partitions) => partitions.length).sort(),
      {
        timeout: 60_000,
      },
    )
    .toEqual([1, 2]);
  expect((await assignmentsOf(page, GROUP)).flat().sort()).toEqual([0, 1, 2]);
  await snapshot("05-second-consumer");

  // Cut a follower's link to its leader: it falls out of the ISR (replica.lag.time.max.ms,
  // 30 s of node time, run at 4× speed), and returns once the link heals.
  const currentLeader = await leaderOf(page, "payments", 0);
  const follower = [1, 2, 3].find((id) => id !== currentLeader)!;
  const replica = page.getByTestId(`replica-payments-0-${follower}`);
  await expect(replica).toHaveAttribute("data-isr", "true", { timeout: 60_000 });
  await page.getByRole("radio", { name: "4×" }).check();
  const [low, high] = [currentLeader, follower].sort();
  const link = page.getByTestId(`link-${low}-${high}`);
  const popover = page.getByRole("dialog", {
    name: `Link between broker ${low} and broker ${high}`,
  });
  await link.click();
  await popover.getByRole("button", { name: "Cut link" }).click();
  await expect(link).toHaveAttribute("data-state", "cut");
  await expect(replica).toHaveAttribute("data-isr", "false", { timeout: 60_000 });
  await snapshot("06-link-cut");
  if (!(await popover.isVisible())) await link.click();
  await popover.getByRole("button", { name: "Heal link" }).click();
  await expect(replica).toHaveAttribute("data-isr", "true", { timeout: 60_000 });
  await page.getByRole("radio", { name: "1×", exact: true }).check();
  await snapshot("07-link-healed");

  // A reload brings back the same cluster, topics, data and clients from storage.
  const before = await pageState(page);
  const hwBefore = before.topics.payments!.partitions.map(
    (partition) => partition.offsets[partition.leader]!.hw,
  );
  await page.reload();
  await openPlayground(page);
  await expect(page.getByTestId("topic-payments")).toBeVisible();
  await expect(page.getByTestId(/^producer-\d+$/)).toHaveCount(1);
  await expect(page.getByTestId(`group-${GROUP}`)).toHaveAttribute("data-state", "Stable", {
    timeout: 90_000,
  });
  await page.getByTestId("topic-payments").click();
  for (const [partition, hw] of hwBefore.entries()) {
    await expect
      .poll(
        async () =>
          Number(await page.getByTestId(`partition-payments-${partition}`).getAttribute("data-hw")),
        {
          timeout: 60_000,
        },
      )
      .toBeGreaterThanOrEqual(hw);
  }
  await snapshot("08-after-reload");
});
