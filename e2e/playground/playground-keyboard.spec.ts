/**
 * The same moves with the keyboard alone: every drag has a menu alternative, every
 * control is reached by focus and worked with Enter, Space, arrows and typing.
 */
import { leaderOf, pageState } from "./playground-driver.ts";
import { expect, openPlayground, test } from "./playground-fixture.ts";

test("create a topic, add a producer and a consumer, and kill a broker with the keyboard only", async ({
  page,
  snapshot,
}) => {
  test.setTimeout(240_000);
  await openPlayground(page);
  const keyboard = page.keyboard;

  await page.getByRole("button", { name: "Create topic", exact: true }).focus();
  await keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
  await keyboard.type("clicks");
  await dialog.getByLabel("Partitions", { exact: true }).focus();
  await keyboard.press("Control+A");
  await keyboard.type("2");
  await keyboard.press("Enter");
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId("topic-clicks")).toBeVisible();

  // The palette's producer is a button: Enter opens a menu of topics instead of a drag.
  await page.getByTestId("palette-producer").focus();
  await keyboard.press("Enter");
  const topicItem = page.getByRole("menuitem", { name: "clicks" });
  await expect(page.getByRole("menu")).toBeVisible();
  for (
    let step = 0;
    step < 10 && !(await topicItem.evaluate((item) => item === document.activeElement));
    step++
  ) {
    await keyboard.press("ArrowDown");
  }
  await keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByTestId(/^producer-\d+$/)).toHaveCount(1);

  await page.getByTestId("palette-consumer").focus();
  await keyboard.press("Enter");
  const consumerItem = page.getByRole("menuitem", { name: "clicks" });
  for (
    let step = 0;
    step < 10 && !(await consumerItem.evaluate((item) => item === document.activeElement));
    step++
  ) {
    await keyboard.press("ArrowDown");
  }
  await keyboard.press("Enter");
  await page.getByRole("dialog").getByLabel("group.id").focus();
  await keyboard.press("Control+A");
  await keyboard.type("click-readers");
  await keyboard.press("Enter");
  await expect(page.getByTestId("group-click-readers")).toHaveAttribute("data-state", "Stable", {
    timeout: 60_000,
  });
  await expect
    .poll(async () => Object.values((await pageState(page)).consumers)[0]?.consumed ?? 0, {
      timeout: 60_000,
    })
    .toBeGreaterThan(5);
  await snapshot("keyboard-consuming");

  const leader = await leaderOf(page, "clicks", 0);
  await page.getByTestId(`broker-${leader}`).getByRole("button", { name: "Kill broker" }).focus();
  await keyboard.press("Enter");
  await expect(page.getByTestId(`broker-${leader}`)).toHaveAttribute("data-state", "dead");
  await expect.poll(() => leaderOf(page, "clicks", 0), { timeout: 60_000 }).not.toBe(leader);
  await snapshot("keyboard-leader-killed");
});
