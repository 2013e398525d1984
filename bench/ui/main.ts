/**
 * `npm run bench:ui`: the playground page as users get it (the production build served by
 * `vite preview`) in headless Chromium with a persistent profile (real OPFS):
 *
 * - initial JavaScript, gzipped (target ≤ 400 KB);
 * - first visit: time until the page answers input and until the default cluster is ready,
 *   each from navigation start, over fresh profiles (target: interactive ≤ 2 s);
 * - frame times while 3 producers write 1,000 records/s each to 3 topics × 6 partitions
 *   × RF 3 and two consumer groups read (target: median ≤ 16.7 ms, p95 ≤ 25 ms).
 *
 * Saves bench/results/ui-<date>.json; `--quick` runs one short round and saves nothing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { measuredOnMachine } from "../bench-machine.ts";
import { formatTable, spreadOf, type Figure } from "../log/log-bench-report.ts";
import { percentile } from "./frame-times.ts";
import { measureInitialJavaScript } from "./initial-javascript.ts";
import { BENCH_LOAD, clientTotals, recordFrames, startLoad } from "./page-load.ts";
import {
  buildProductionPage,
  startPreview,
  waitForClusterReady,
  withPageProfile,
} from "../../scripts/production-page.ts";

const quick = process.argv.includes("--quick");
const rounds = quick ? 1 : 3;
const frameWindowMs = quick ? 5_000 : 15_000;
const warmupMs = quick ? 5_000 : 10_000;
// Not 4190: fetch refuses it (a "bad port", ManageSieve).
const PORT = 4175;
const root = fileURLToPath(new URL("../../", import.meta.url));

const withProfile = <T>(body: (page: Page) => Promise<T>): Promise<T> =>
  withPageProfile({ profilePrefix: "ui-bench-", viewport: { width: 1280, height: 800 } }, body);

async function firstVisit(): Promise<{ interactiveMs: number; clusterReadyMs: number }> {
  return withProfile(async (page) => {
    await page.goto(url);
    await waitForClusterReady(page);
    return page.evaluate(() => ({
      interactiveMs: performance.getEntriesByName("playground:interactive")[0]!.startTime,
      clusterReadyMs: performance.getEntriesByName("playground:cluster-ready")[0]!.startTime,
    }));
  });
}

console.log("building the page (vite build)…");
buildProductionPage(root);
const javascript = measureInitialJavaScript(join(root, "dist"));
const server = await startPreview(root, PORT);
const url = server.url;
const startedAt = new Date();
try {
  const { machine, results } = await measuredOnMachine(async () => {
    const visits = [];
    for (let round = 0; round < rounds; round++) visits.push(await firstVisit());
    const load = await withProfile(async (page) => {
      await page.goto(url);
      await waitForClusterReady(page);
      await page.evaluate(startLoad, BENCH_LOAD);
      await page.waitForTimeout(warmupMs);
      const browserVersion = await page.evaluate(
        () => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? "unknown",
      );
      const windows = [];
      for (let round = 0; round < rounds; round++) {
        const before = await page.evaluate(clientTotals);
        const frames = await page.evaluate(recordFrames, frameWindowMs);
        const after = await page.evaluate(clientTotals);
        windows.push({
          frames,
          acknowledgedPerSec: ((after.acknowledged - before.acknowledged) * 1000) / frameWindowMs,
          consumedPerSec: ((after.consumed - before.consumed) * 1000) / frameWindowMs,
          failed: after.failed - before.failed,
        });
      }
      return { browserVersion, windows };
    });
    return { browserVersion: load.browserVersion, results: { visits, load: load.windows } };
  });

  const frameMedians = results.load.map((window) => percentile(window.frames, 50));
  const frameP95s = results.load.map((window) => percentile(window.frames, 95));
  const figures: Figure[] = [
    {
      name: "initial JavaScript (gzip)",
      unit: "KB",
      spread: spreadOf([javascript.initialGzipBytes / 1000]),
      target: { text: "≤ 400 KB", met: javascript.initialGzipBytes <= 400_000 },
      note: `${javascript.initialFiles.length} files; broker worker ${Math.round(javascript.workerGzipBytes / 1000)} KB more, loaded per broker`,
    },
    {
      name: "first visit: interactive",
      unit: "ms",
      spread: spreadOf(results.visits.map((visit) => visit.interactiveMs)),
      target: {
        text: "≤ 2,000 ms",
        met: spreadOf(results.visits.map((visit) => visit.interactiveMs)).median <= 2_000,
      },
    },
    {
      name: "first visit: cluster ready",
      unit: "ms",
      spread: spreadOf(results.visits.map((visit) => visit.clusterReadyMs)),
      note: "3 brokers elected a controller, topic orders created",
    },
    {
      name: "frame time, median",
      unit: "ms",
      spread: spreadOf(frameMedians),
      target: { text: "≤ 16.7 ms", met: spreadOf(frameMedians).median <= 16.7 },
    },
    {
      name: "frame time, p95",
      unit: "ms",
      spread: spreadOf(frameP95s),
      target: { text: "≤ 25 ms", met: spreadOf(frameP95s).median <= 25 },
    },
    {
      name: "records acknowledged",
      unit: "rec/s",
      spread: spreadOf(results.load.map((window) => window.acknowledgedPerSec)),
      note: `asked for ${BENCH_LOAD.producers.reduce((sum, producer) => sum + producer.ratePerSec, 0)} rec/s; consumed ${Math.round(
        spreadOf(results.load.map((window) => window.consumedPerSec)).median,
      )} rec/s`,
    },
  ];
  console.log("");
  console.log(
    `UI benchmark: the production build in Chromium headless (persistent profile), 1280×800; ` +
      `${machine.cpu}, ${machine.logicalCores} cores shared, 1-minute load ${machine.loadAverageBefore[0]!.toFixed(2)} before, ` +
      `${machine.loadAverageAfter[0]!.toFixed(2)} after; ${rounds} round(s): first visits on fresh profiles, ` +
      `${frameWindowMs / 1000} s frame windows after ${warmupMs / 1000} s of load`,
  );
  for (const line of formatTable(figures)) console.log(line);
  if (!quick) {
    const directory = join(root, "bench", "results");
    mkdirSync(directory, { recursive: true });
    const path = join(directory, `ui-${startedAt.toISOString().slice(0, 10)}.json`);
    const saved = {
      benchmark: "ui",
      command: "npm run bench:ui",
      startedAt: startedAt.toISOString(),
      machine,
      load: BENCH_LOAD,
      javascript,
      figures: figures.map(({ name, unit, spread, target }) => ({ name, unit, ...spread, target })),
      windows: results.load.map(({ frames, ...rest }) => ({ ...rest, frameCount: frames.length })),
    };
    writeFileSync(path, `${JSON.stringify(saved, null, 2)}\n`);
    console.log(`saved ${path}`);
  }
} finally {
  server.stop();
}
