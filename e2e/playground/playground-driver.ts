/**
 * The moves a learner makes on the playground, as a spec makes them: through the page's
 * own controls (buttons, drags, dialogs), and reading what the page shows. The store is
 * read only where the page shows a number the spec must add up (records acknowledged
 * against records consumed).
 */
import type { Page } from "@playwright/test";
import { expect } from "./playground-fixture.ts";

interface PageState {
  topics: Record<
    string,
    { partitions: { leader: number; offsets: Record<number, { hw: number }> }[] }
  >;
  groups: Record<string, { committed: Record<string, number> }>;
  producers: Record<string, { acknowledged: number; failed: number; settings: { topic: string } }>;
  consumers: Record<
    string,
    { consumed: number; assigned: { partition: number }[]; settings: { groupId: string } }
  >;
}

export function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const { store } = (window as unknown as { kafkaPlayground: { store: { getState(): unknown } } })
      .kafkaPlayground;
    const { topics, groups, producers, consumers } = store.getState() as PageState;
    return JSON.parse(JSON.stringify({ topics, groups, producers, consumers })) as PageState;
  });
}

export async function createTopicInDialog(
  page: Page,
  name: string,
  partitions: number,
  replicationFactor: number,
) {
  await page.getByRole("button", { name: "Create topic", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Partitions", { exact: true }).fill(String(partitions));
  await dialog.getByLabel("Replication factor", { exact: true }).fill(String(replicationFactor));
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId(`topic-${name}`)).toBeVisible();
}

/** The partition's leader as the page shows it: the replica marked leader. */
export async function leaderOf(page: Page, topic: string, partition: number): Promise<number> {
  const leader = page
    .locator(`[data-testid^="replica-${topic}-${partition}-"][data-leader="true"]`)
    .first();
  await expect(leader).toBeVisible();
  return Number((await leader.getAttribute("data-testid"))!.split("-").at(-1));
}

/** Records the producers had acknowledged on `topic` are all below the HW and all committed by `groupId`. */
export async function expectEveryAcknowledgedRecordConsumed(
  page: Page,
  topic: string,
  groupId: string,
) {
  await expect
    .poll(
      async () => {
        const state = await pageState(page);
        const acknowledged = Object.values(state.producers)
          .filter((producer) => producer.settings.topic === topic)
          .reduce((sum, producer) => sum + producer.acknowledged, 0);
        const partitions = state.topics[topic]?.partitions ?? [];
        const highWatermarks = partitions.map(
          (partition) => partition.offsets[partition.leader]?.hw ?? -1,
        );
        const committed = partitions.map(
          (_, index) => state.groups[groupId]?.committed[`${topic}:${index}`] ?? -1,
        );
        const inLog = highWatermarks.reduce((sum, hw) => sum + Math.max(0, hw), 0);
        return (
          acknowledged > 0 &&
          inLog >= acknowledged &&
          committed.every((offset, index) => offset === highWatermarks[index])
        );
      },
      { timeout: 90_000, intervals: [1_000] },
    )
    .toBe(true);
}

/** The partitions each page consumer of `groupId` holds. */
export async function assignmentsOf(page: Page, groupId: string): Promise<number[][]> {
  const state = await pageState(page);
  return Object.values(state.consumers)
    .filter((consumer) => consumer.settings.groupId === groupId)
    .map((consumer) => consumer.assigned.map(({ partition }) => partition).sort());
}
