/**
 * The playground as users get it, for the chaos run: the production build (into a folder
 * of the run's own, so it never races another `vite build` writing dist/), served by
 * `vite preview` on port 4192, opened in headless Chromium with a fresh persistent
 * profile (real OPFS: a killed broker's storage survives as it does for a user), with the
 * chaos agent bundled from chaos/page-agent/ and injected once the playground is ready.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { build, type Rollup } from "vite";
import {
  buildProductionPage,
  openPageProfile,
  startPreview,
  type OpenedPage,
} from "../../scripts/production-page.ts";

export const CHAOS_PORT = 4192;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PLAYGROUND_READY_TIMEOUT_MS = 90_000;

export interface ServedPage {
  page: Page;
  /** Errors the page threw or logged, as they came. */
  pageErrors: string[];
  close(): Promise<void>;
}

export function buildPage(outDir: string): void {
  buildProductionPage(ROOT, outDir);
}

/** The agent as one script (an IIFE) the page can run, bundled by the same Vite as the page. */
export async function bundleAgent(): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: "error",
    build: {
      write: false,
      minify: false,
      target: "es2022",
      reportCompressedSize: false,
      lib: {
        entry: join(ROOT, "chaos/page-agent/agent.ts"),
        formats: ["iife"],
        name: "kafkaChaosAgent",
      },
      rollupOptions: {
        // Only compressed record batches load it; the chaos producers send uncompressed ones.
        external: ["@bokuweb/zstd-wasm"],
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === "chunk");
  if (chunk === undefined || chunk.type !== "chunk") throw new Error("the agent bundle is empty");
  return chunk.code;
}

/** Serves `outDir`, opens the playground, waits for its cluster and injects the agent. */
export async function openPlayground(
  outDir: string,
  agentScript: string,
  port = CHAOS_PORT,
): Promise<ServedPage> {
  const server = await startPreview(ROOT, port, outDir);
  let opened: OpenedPage | null = null;
  const close = async () => {
    await opened?.close();
    server.stop();
  };
  try {
    opened = await openPageProfile({
      profilePrefix: "chaos-profile-",
      viewport: { width: 1280, height: 800 },
    });
    const { page } = opened;
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    await page.goto(server.url);
    await page.waitForFunction(
      () => {
        const playground = (
          window as unknown as {
            kafkaPlayground?: { store: { getState(): { boot: { status: string } } } };
          }
        ).kafkaPlayground;
        return playground?.store.getState().boot.status === "ready";
      },
      null,
      { timeout: PLAYGROUND_READY_TIMEOUT_MS },
    );
    await page.addScriptTag({ content: agentScript });
    return { page, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export function temporaryBuildDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "chaos-dist-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
