/**
 * What the replication lessons' specs do to brokers with the page's own controls: a broker
 * card's buttons, and reading which brokers hold a partition's replicas.
 */
import { expect, type Page } from "@playwright/test";

/** Broker ids holding a replica of the topic's partition 0, as the canvas shows them. */
export async function replicaBrokers(page: Page, topic: string): Promise<number[]> {
  const ids = await page
    .locator(`[data-testid^="replica-${topic}-0-"]`)
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-testid") ?? ""));
  return [...new Set(ids.map((id) => Number(id.split("-").at(-1))))].sort((a, b) => a - b);
}

export async function pressOnBroker(page: Page, brokerId: number, name: string): Promise<void> {
  await page.getByTestId(`broker-${brokerId}`).getByRole("button", { name }).click();
}

export async function killBroker(page: Page, brokerId: number): Promise<void> {
  await pressOnBroker(page, brokerId, "Kill broker");
  await expect(page.getByTestId(`broker-${brokerId}`)).toHaveAttribute("data-state", "dead");
}
