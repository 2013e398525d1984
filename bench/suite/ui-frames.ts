/**
 * UI frame times while a producer runs: the production page (built into a temporary
 * directory and served by `vite preview` on the suite's own port), its default cluster,
 * and kafka-producer-perf-test typed into the page's own terminal, as a user would start
 * it. Every animation frame from pressing Enter until the tool exits is recorded; the
 * tool's own report lines are read back from the terminal.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import {
  frameTimeSummary,
  startFrameRecorder,
  stopFrameRecorder,
  type FrameTimeSummary,
} from "../ui/frame-times.ts";
import {
  buildProductionPage,
  startPreview,
  waitForClusterReady,
  withPageProfile,
} from "../../scripts/production-page.ts";
import { parseProducerPerfTotal, producerPerfArgs, type ProducerPerfTotal } from "./perf-lines.ts";
import type { SuiteSettings } from "./suite-settings.ts";

/** A minute of frames at 60 Hz many times over: the recorder's bound. */
const MAX_FRAMES = 100_000;
const TOPIC = "ui-load";

export interface UiFramesResult {
  browserVersion: string;
  command: string;
  exitCode: number;
  /** The perf test's lines as the terminal shows them. */
  lines: string[];
  total: ProducerPerfTotal | null;
  seconds: number;
  frames: FrameTimeSummary | null;
}

interface Terminal {
  run(line: string, limitMs: number): Promise<number>;
  lines(): Promise<string[]>;
}

function terminalOf(page: Page): Terminal {
  const panel = page.getByTestId("terminal");
  const input = page.getByTestId("terminal-input");
  return {
    async run(line, limitMs) {
      await input.fill(line);
      await input.press("Enter");
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="terminal"]')?.getAttribute("data-running") ===
          "false",
        null,
        { timeout: limitMs, polling: 250 },
      );
      return Number(await panel.getAttribute("data-exit-code"));
    },
    async lines() {
      const text = await panel.getByRole("log", { name: "Terminal output" }).innerText();
      return text.split("\n");
    },
  };
}

async function openTerminal(page: Page): Promise<Terminal> {
  const welcome = page.getByRole("button", { name: "Got it" });
  if (await welcome.isVisible()) await welcome.click();
  await page.getByRole("tab", { name: "Terminal" }).click();
  await page.getByTestId("terminal-input").click();
  return terminalOf(page);
}

export async function measureUiFrames(
  root: string,
  settings: SuiteSettings,
  say: (line: string) => void,
): Promise<UiFramesResult> {
  const ui = settings.ui;
  const outDirectory = mkdtempSync(join(tmpdir(), "bench-suite-page-"));
  try {
    say("building the page (vite build)…");
    buildProductionPage(root, outDirectory);
    const server = await startPreview(root, ui.port, outDirectory);
    try {
      return await withPageProfile(
        { profilePrefix: "bench-suite-page-", viewport: ui.viewport },
        async (page) => {
          await page.goto(server.url);
          await waitForClusterReady(page);
          const terminal = await openTerminal(page);
          const { partitions, replicationFactor, configs } = settings.topic;
          const create =
            `kafka-topics.sh --bootstrap-server broker-1:9092 --create --topic ${TOPIC} ` +
            `--partitions ${partitions} --replication-factor ${replicationFactor}` +
            Object.entries(configs)
              .map(([name, value]) => ` --config ${name}=${value}`)
              .join("");
          const created = await terminal.run(create, 60_000);
          if (created !== 0) throw new Error(`${create} exited with ${created}`);
          const args = producerPerfArgs({
            topic: TOPIC,
            numRecords: ui.numRecords,
            recordSize: ui.recordSize,
            throughput: ui.throughput,
            props: {
              "bootstrap.servers": "broker-1:9092",
              acks: ui.acks,
              ...settings.producerPerf.props,
            },
          });
          const command = `kafka-producer-perf-test.sh ${args.join(" ")}`;
          const before = (await terminal.lines()).length;
          await page.evaluate(startFrameRecorder, MAX_FRAMES);
          const startedAt = performance.now();
          const exitCode = await terminal.run(command, ui.limitMs);
          const seconds = (performance.now() - startedAt) / 1000;
          const frames = await page.evaluate(stopFrameRecorder);
          const lines = (await terminal.lines()).slice(before).filter((line) => line.trim() !== "");
          const browserVersion = await page.evaluate(
            () => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? "unknown",
          );
          return {
            browserVersion,
            command,
            exitCode,
            lines,
            total: parseProducerPerfTotal(lines),
            seconds,
            frames: frames.length === 0 ? null : frameTimeSummary(frames),
          };
        },
      );
    } finally {
      server.stop();
    }
  } finally {
    rmSync(outDirectory, { recursive: true, force: true });
  }
}
