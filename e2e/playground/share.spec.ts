/**
 * Sharing and export in the production build: a playground exported as a file (records
 * included) and imported into a fresh browser profile comes back with its topics, configs,
 * clients and records; a hostile file and hostile links are refused with the reason on
 * screen and nothing changed; a share link asks before it replaces anything, then opens;
 * a chart downloads as SVG and PNG and the metrics as CSV.
 */
import { chromium, type Download, type Page } from "@playwright/test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { chromiumLaunchOptions } from "../../scripts/chromium-launch.ts";
import { collectPageErrors } from "../console-guard.ts";
import { createTopicInDialog, pageState } from "./playground-driver.ts";
import { expect, openPlayground, test } from "./playground-fixture.ts";

interface ExportedDocument {
  format: string;
  version: number;
  cluster: { brokers: number; controllers: number };
  topics: {
    name: string;
    partitions: number;
    replicationFactor: number;
    configs: Record<string, string>;
  }[];
  clients: {
    producers: { id: string; settings: { topic: string; ratePerSec: number } }[];
    consumers: { id: string; settings: { topic: string; groupId: string } }[];
  };
  data?: { topics: { topic: string; partitions: { records: unknown[] }[] }[] };
}

/** A second browser with its own profile: nothing of the first one's storage. */
async function freshBrowser(baseURL: string) {
  const profile = mkdtempSync(join(tmpdir(), "share-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions,
    baseURL,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const expectNoErrors = collectPageErrors(page);
  return {
    page,
    close: async () => {
      expectNoErrors();
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return download;
}

const bytesOf = async (download: Download) => readFileSync((await download.path())!);

async function openShare(page: Page) {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  return page.getByTestId("dialog-share");
}

async function exportDocument(
  page: Page,
  withRecords: boolean,
): Promise<{ path: string; document: ExportedDocument }> {
  const dialog = await openShare(page);
  if (withRecords) await dialog.getByLabel("Include the records").check();
  const download = await downloaded(page, () =>
    dialog.getByRole("button", { name: "Export file" }).click(),
  );
  expect(download.suggestedFilename()).toMatch(/^kafka-playground-.*\.json$/);
  const path = (await download.path())!;
  await expect(dialog.getByRole("status").first()).toContainText("Saved");
  await dialog.getByRole("button", { name: "Done" }).click();
  return { path, document: JSON.parse(readFileSync(path, "utf8")) as ExportedDocument };
}

/** Confirms the import under review and waits for the rebuilt playground. */
async function confirmImport(page: Page) {
  const review = page.getByTestId("dialog-import-review");
  await expect(review).toContainText("Replace the playground?");
  await review.getByRole("button", { name: "Replace playground" }).click();
  const progress = page.getByTestId("dialog-import-progress");
  await expect(progress).toContainText("The imported playground is ready.", { timeout: 120_000 });
  await progress.getByRole("button", { name: "Done" }).click();
  await expect(progress).toBeHidden();
}

/** What must not change when an import is refused. */
async function snapshotOf(page: Page) {
  const state = await pageState(page);
  return {
    topics: Object.keys(state.topics).sort(),
    brokers: await page.locator('[data-testid^="broker-"][data-state]').count(),
    marker: await page.evaluate(() => (window as unknown as { shareMarker?: number }).shareMarker),
    pending: await page.evaluate(() => sessionStorage.getItem("kafka-playground/pending-import")),
  };
}

test("an exported file imports into a fresh profile with its topics, configs, clients and records", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(420_000);
  await openPlayground(page);
  await page.getByRole("button", { name: "Got it" }).click();
  await page.getByRole("button", { name: "Create topic", exact: true }).click();
  const create = page.getByRole("dialog");
  await create.getByLabel("Name", { exact: true }).fill("payments");
  await create.getByLabel("retention.ms", { exact: true }).fill("3600000");
  await create.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByTestId("topic-payments")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("palette-producer").dragTo(page.getByTestId("topic-payments"));
  const producerDialog = page.getByRole("dialog");
  await producerDialog.getByLabel("Rate (records/s)").fill("20");
  await producerDialog.getByRole("button", { name: "Add producer", exact: true }).click();
  await expect(page.getByTestId(/^producer-\d+$/)).toHaveCount(1);
  await expect
    .poll(async () => Object.values((await pageState(page)).producers)[0]?.acknowledged ?? 0, {
      timeout: 60_000,
    })
    .toBeGreaterThan(20);

  const { path, document } = await exportDocument(page, true);
  expect(document).toMatchObject({
    format: "kafka-playground",
    version: 1,
    cluster: { brokers: 3, controllers: 3 },
  });
  expect(document.topics).toEqual([
    {
      name: "orders",
      partitions: 3,
      replicationFactor: 3,
      configs: { "min.insync.replicas": "2" },
    },
    {
      name: "payments",
      partitions: 3,
      replicationFactor: 3,
      configs: { "retention.ms": "3600000" },
    },
  ]);
  const producer = document.clients.producers[0]!;
  expect(producer.settings).toMatchObject({ topic: "payments", ratePerSec: 20 });
  const exportedRecords = document
    .data!.topics.find((t) => t.topic === "payments")!
    .partitions.reduce((sum, p) => sum + p.records.length, 0);
  expect(exportedRecords).toBeGreaterThan(20);
  // This cluster has done its part: paused, it leaves the two cores to the second browser.
  await page.getByRole("button", { name: "Pause" }).click();

  const fresh = await freshBrowser(baseURL!);
  try {
    await openPlayground(fresh.page);
    await (await openShare(fresh.page)).getByTestId("share-file-input").setInputFiles(path);
    const review = fresh.page.getByTestId("dialog-import-review");
    await expect(review).toContainText("payments");
    await expect(review).toContainText("retention.ms=3600000");
    await confirmImport(fresh.page);
    await expect(fresh.page.getByTestId("topic-payments")).toBeVisible();
    await expect(fresh.page.getByTestId(producer.id)).toBeVisible();
    // Everything the file had is back: the same document, read from the rebuilt cluster.
    const again = (await exportDocument(fresh.page, false)).document;
    expect(again.topics).toEqual(document.topics);
    expect(again.clients).toEqual(document.clients);
    const state = await pageState(fresh.page);
    const inLog = state.topics.payments!.partitions.reduce(
      (sum, p) => sum + (p.offsets[p.leader]?.hw ?? 0),
      0,
    );
    expect(inLog).toBeGreaterThanOrEqual(exportedRecords);
  } finally {
    await fresh.close();
  }
});

test("a hostile file or link is refused with the reason shown, and nothing changes", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openPlayground(page);
  await page.getByRole("button", { name: "Got it" }).click();
  await createTopicInDialog(page, "clicks", 2, 2);
  await page.evaluate(() => ((window as unknown as { shareMarker: number }).shareMarker = 42));
  const before = await snapshotOf(page);
  expect(before).toMatchObject({ marker: 42, pending: null });

  const hostile = {
    format: "kafka-playground",
    version: 1,
    exportedAt: "2025-03-01T10:20:30.400Z",
    cluster: { brokers: 3, controllers: 3, storage: "opfs" },
    topics: [
      { name: "orders", partitions: 3, replicationFactor: 3, configs: { "retention.ms": "soon" } },
    ],
    clients: { producers: [], consumers: [] },
    layout: { openTopic: null, dockTab: "metrics", speed: 1, selection: null },
  };
  const text = JSON.stringify(hostile).replace(
    '"format"',
    '"__proto__":{"polluted":true},"format"',
  );
  await (await openShare(page)).getByTestId("share-file-input").setInputFiles({
    name: "hostile.json",
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  const refused = page.getByTestId("dialog-import-review");
  await expect(refused).toContainText("This file cannot be opened");
  await expect(refused.getByTestId("import-problems")).toContainText("__proto__");
  await expect(refused.getByTestId("import-problems")).toContainText("prototype pollution");
  await refused.locator(".modal-footer").getByRole("button", { name: "Close" }).click();

  await (await openShare(page)).getByTestId("share-file-input").setInputFiles({
    name: "wide.json",
    mimeType: "application/json",
    buffer: Buffer.from(text.replace('"__proto__":{"polluted":true},', "")),
  });
  await expect(refused.getByTestId("import-problems")).toContainText(
    'topics[0].configs["retention.ms"]',
  );
  await expect(refused.getByTestId("import-problems")).toContainText("Enter a whole number");
  await refused.locator(".modal-footer").getByRole("button", { name: "Close" }).click();

  const links: [string, string][] = [
    ["#share=@@not-base64@@", "its data is not base64url"],
    ["#share=bm90LWRlZmxhdGU", "its data does not unpack"],
    [
      `#share=${deflateRawSync(Buffer.alloc(30 * 1024 * 1024)).toString("base64url")}`,
      "unpacks to more than",
    ],
    [
      `#share=${deflateRawSync(Buffer.from('{"format":"kafka-ui"}')).toString("base64url")}`,
      "Not a Kafka Playground export",
    ],
  ];
  for (const [hash, reason] of links) {
    await page.evaluate((value) => (location.hash = value), hash);
    await expect(refused).toContainText("This link cannot be opened");
    await expect(refused.getByTestId("import-problems")).toContainText(reason);
    await expect(refused).toContainText("Nothing was changed.");
    await refused.locator(".modal-footer").getByRole("button", { name: "Close" }).click();
    await expect(refused).toBeHidden();
    expect(await page.evaluate(() => location.hash)).toBe("");
  }
  expect(await snapshotOf(page)).toEqual(before);
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
});

test("a share link asks before it replaces the playground, then opens it", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(360_000);
  await openPlayground(page);
  await page.getByRole("button", { name: "Got it" }).click();
  await createTopicInDialog(page, "clicks", 2, 2);
  const dialog = await openShare(page);
  await dialog.getByRole("button", { name: "Copy link" }).click();
  const link = await dialog.getByTestId("share-link").inputValue({ timeout: 60_000 });
  expect(link).toMatch(/#share=[A-Za-z0-9_-]+$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Pause" }).click();

  const fresh = await freshBrowser(baseURL!);
  try {
    await fresh.page.goto(link);
    const review = fresh.page.getByTestId("dialog-import-review");
    await expect(review).toContainText("From a shared link");
    await expect(review).toContainText("clicks");
    // Nothing happens until the viewer says so: cancel keeps the default playground.
    await review.getByRole("button", { name: "Cancel" }).click();
    await openPlayground(fresh.page);
    await expect(fresh.page.getByTestId("topic-clicks")).toHaveCount(0);
    await fresh.page.goto(link);
    await confirmImport(fresh.page);
    await expect(fresh.page.getByTestId("topic-clicks")).toBeVisible();
    await expect(fresh.page.getByTestId("topic-orders")).toBeVisible();
  } finally {
    await fresh.close();
  }
});

test("a chart downloads as SVG and PNG, and the metrics as CSV", async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await page.getByRole("button", { name: "Got it" }).click();
  await page.getByRole("tab", { name: "Metrics" }).click();
  await expect
    .poll(
      async () =>
        await page.evaluate(() => {
          const state = (
            window as unknown as {
              kafkaPlayground: { store: { getState(): { metrics: { IsrSize: unknown[] } } } };
            }
          ).kafkaPlayground.store.getState();
          return state.metrics.IsrSize.length;
        }),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(3);

  const svg = await downloaded(page, () =>
    page.getByRole("button", { name: "Download the IsrSize chart as SVG" }).click(),
  );
  expect(svg.suggestedFilename()).toMatch(/^IsrSize-.*\.svg$/);
  const svgText = (await bytesOf(svg)).toString("utf8");
  expect(svgText).toContain("<svg");
  expect(svgText).toContain("IsrSize (replicas)");
  expect(svgText).toMatch(/<path[^>]*d="M[\d.]+/);
  expect(svgText).not.toContain("var(--");

  const png = await downloaded(page, () =>
    page.getByRole("button", { name: "Download the IsrSize chart as PNG" }).click(),
  );
  const pngBytes = await bytesOf(png);
  expect(pngBytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  expect(pngBytes.length).toBeGreaterThan(2_000);

  const csv = await downloaded(page, () =>
    page.getByRole("button", { name: "Download CSV" }).click(),
  );
  const lines = (await bytesOf(csv)).toString("utf8").trim().split("\r\n");
  expect(lines[0]).toBe("time,metric,labels,value");
  const rows = lines.slice(1).map((line) => line.split(","));
  expect(new Set(rows.map((row) => row[1]))).toEqual(
    new Set([
      "MessagesInPerSec",
      "BytesInPerSec",
      "UnderReplicatedPartitions",
      "records-lag-max",
      "request-latency-p99",
      "IsrSize",
    ]),
  );
  for (const row of rows) {
    expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Number.isFinite(Number(row[3]))).toBe(true);
  }
  expect(rows.filter((row) => row[1] === "IsrSize").map((row) => Number(row[3]))).toContain(3);
});
