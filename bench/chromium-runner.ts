/**
 * Runs a benchmark inside a dedicated worker in headless Chromium (/usr/bin/chromium, the
 * options of scripts/chromium-launch.ts), on a fresh persistent profile (OPFS in an
 * incognito context is memory-backed, DESIGN.md section 6). Any benchmark can use it: give
 * it a worker entry that answers requests with answerRequests
 * (src/runtime/web-worker/testing/worker-requests.ts), then ask, kill and ask again.
 *
 * How: Vite's production build (Rolldown) bundles the worker entry and a page script in
 * memory, the same code path the product ships; a throwaway node:http server on 127.0.0.1
 * serves them cross-origin isolated (COOP + COEP), so performance.now() in the worker is
 * precise to microseconds instead of coarsened to 100 µs.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build, type Rollup } from "vite";
import {
  askWorker,
  killWorker,
  launchPersistentChromium,
  openHarnessPage,
} from "../scripts/worker-harness-driver.ts";

const REPOSITORY_ROOT = fileURLToPath(new URL("..", import.meta.url));
const PAGE_ENTRY = fileURLToPath(new URL("./chromium-runner-page.ts", import.meta.url));

export interface ChromiumWorkerSession {
  /** Chromium's version, e.g. "156.0.7600.0". */
  browserVersion: string;
  /** Asks the current worker (starting one if there is none); throws what the worker threw. */
  ask<Response extends { command: string }>(request: { command: string }): Promise<Response>;
  /** worker.terminate(): no goodbye. The next ask starts a fresh worker on the same profile. */
  kill(): Promise<void>;
}

interface ServedFile {
  body: string | Uint8Array;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript",
  wasm: "application/wasm",
  html: "text/html",
  map: "application/json",
};

/** Bundles `workerEntry` (a path) as /worker.js and the harness page script as /page.js. */
async function bundle(workerEntry: string): Promise<Map<string, ServedFile>> {
  const result = await build({
    configFile: false,
    root: REPOSITORY_ROOT,
    publicDir: false,
    logLevel: "warn",
    build: {
      write: false,
      minify: false,
      target: "es2022",
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { page: PAGE_ENTRY, worker: workerEntry },
        preserveEntrySignatures: "exports-only",
        output: {
          format: "es",
          entryFileNames: "[name].js",
          chunkFileNames: "chunks/[name]-[hash].js",
          assetFileNames: "assets/[name]-[hash][extname]",
        },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const files = new Map<string, ServedFile>();
  for (const output of outputs) {
    for (const file of output.output) {
      const body = file.type === "chunk" ? file.code : file.source;
      const extension = file.fileName.split(".").at(-1) ?? "";
      files.set(`/${file.fileName}`, {
        body,
        contentType: CONTENT_TYPES[extension] ?? "application/octet-stream",
      });
    }
  }
  files.set("/", {
    body: `<!doctype html><meta charset="utf-8"><title>benchmark</title><link rel="icon" href="data:,"><body><script type="module" src="/page.js"></script></body>`,
    contentType: CONTENT_TYPES.html!,
  });
  return files;
}

function serve(files: Map<string, ServedFile>): Promise<Server> {
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? "/", "http://localhost").pathname);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, {
        "content-type": file.contentType,
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
        "cache-control": "no-store",
      })
      .end(file.body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Bundles and serves `workerEntry`, opens it in headless Chromium on a fresh profile, runs
 * `body` with a session on it, and cleans everything up (profile included) afterwards.
 */
export async function runInChromiumWorker<Result>(
  workerEntry: string,
  body: (session: ChromiumWorkerSession) => Promise<Result>,
): Promise<Result> {
  const server = await serve(await bundle(workerEntry));
  try {
    const { port } = server.address() as AddressInfo;
    const chromium = await launchPersistentChromium({ profilePrefix: "chromium-bench-profile-" });
    try {
      const page = chromium.page;
      page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
      await openHarnessPage(page, `http://127.0.0.1:${port}/`);
      // A persistent context has no Browser object to ask; the user agent carries the version.
      const userAgent = await page.evaluate(() => navigator.userAgent);
      return await body({
        browserVersion: /Chrome\/([\d.]+)/.exec(userAgent)?.[1] ?? userAgent,
        ask: (request) => askWorker(page, request),
        kill: () => killWorker(page),
      });
    } finally {
      await chromium.close();
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
