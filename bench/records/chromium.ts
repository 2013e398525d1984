/**
 * Runs the very same benchmark module in headless Chromium (/usr/bin/chromium) through
 * Playwright: esbuild bundles records-bench.ts into one ES module, a throwaway node:http
 * server on 127.0.0.1 serves it with a blank page, and page.evaluate calls it and returns
 * the numbers. `npx tsx bench/records/chromium.ts` runs it alone.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../../scripts/chromium-launch.ts";
import { formatRecordsBenchTable, type RecordsBenchResult } from "./records-bench.ts";

async function bundleBenchModule(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./records-bench.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    minify: false,
    // The benchmark never loads zstd; keep its wasm loader out of the bundle.
    external: ["@bokuweb/zstd-wasm"],
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("esbuild produced no output");
  return output.text;
}

function serve(benchModule: string): Promise<Server> {
  const page = `<!doctype html><meta charset="utf-8"><title>records bench</title>
<script type="module">import * as bench from "/records-bench.js"; window.recordsBench = bench; window.benchReady = true;</script>`;
  const server = createServer((request, response) => {
    if (request.url === "/records-bench.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(benchModule);
    } else if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html" }).end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export async function runRecordsBenchInChromium(): Promise<{
  version: string;
  result: RecordsBenchResult;
}> {
  const server = await serve(await bundleBenchModule());
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(
      () => (window as unknown as { benchReady?: boolean }).benchReady === true,
    );
    const result = await page.evaluate(() => {
      const bench = (
        window as unknown as { recordsBench: { runRecordsBench(): RecordsBenchResult } }
      ).recordsBench;
      return bench.runRecordsBench();
    });
    return { version: browser.version(), result };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version, result } = await runRecordsBenchInChromium();
  for (const line of formatRecordsBenchTable({ [`Chromium ${version}`]: result }))
    console.log(line);
}
