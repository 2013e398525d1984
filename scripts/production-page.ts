/**
 * The playground page as users get it, for the benchmarks that measure it: the production
 * build (vite build), served by `vite preview` on a port of the caller's, opened in
 * headless Chromium on a fresh persistent profile (real OPFS), and waited on until the
 * default cluster is ready. Used by the benchmarks (bench/ui, bench/suite) and the chaos run.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium-launch.ts";

/** Builds the page into `outDirectory` (relative to `root` or absolute). */
export function buildProductionPage(root: string, outDirectory = "dist"): void {
  execFileSync(
    "npx",
    ["vite", "build", "--logLevel", "error", "--outDir", outDirectory, "--emptyOutDir"],
    { cwd: root, stdio: "inherit" },
  );
}

export interface PreviewServer {
  url: string;
  /** Ends the server (the process group `vite preview` started). */
  stop(): void;
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

/** `vite preview` of `outDirectory` on 127.0.0.1:`port`; resolves once it answers. Not 4190: fetch refuses it. */
export async function startPreview(
  root: string,
  port: number,
  outDirectory = "dist",
): Promise<PreviewServer> {
  const server = spawn(
    "npx",
    [
      "vite",
      "preview",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--strictPort",
      "--outDir",
      outDirectory,
    ],
    { cwd: root, stdio: "ignore", detached: true },
  );
  const stop = () => {
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid);
  };
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(url);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}

export interface OpenedPage {
  page: Page;
  /** Closes the browser and removes the profile. */
  close(): Promise<void>;
}

/** A page of headless Chromium with a fresh persistent profile, removed on close(). */
export async function openPageProfile(options: {
  profilePrefix: string;
  viewport: { width: number; height: number };
}): Promise<OpenedPage> {
  const profile = mkdtempSync(join(tmpdir(), options.profilePrefix));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  try {
    const context = await chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions,
      headless: true,
      viewport: options.viewport,
    });
    // tsx keeps function names by wrapping them in __name(); functions sent to the page need it too.
    await context.addInitScript({ content: "globalThis.__name = (target) => target;" });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      page,
      close: async () => {
        await context.close().catch(() => {});
        removeProfile();
      },
    };
  } catch (error) {
    removeProfile();
    throw error;
  }
}

/** Runs `body` on a page of headless Chromium with a fresh persistent profile, removed afterwards. */
export async function withPageProfile<T>(
  options: { profilePrefix: string; viewport: { width: number; height: number } },
  body: (page: Page) => Promise<T>,
): Promise<T> {
  const opened = await openPageProfile(options);
  try {
    return await body(opened.page);
  } finally {
    await opened.close();
  }
}

/** Waits until the page marked the default cluster ready (three brokers, a controller, topic orders). */
export async function waitForClusterReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName("playground:cluster-ready").length > 0,
    null,
    { timeout: 60_000 },
  );
}
