/**
 * How much JavaScript a first visit downloads before the page can run: the entry script
 * of the built index.html and every module it preloads, gzipped (what the network carries).
 * Worker scripts load later, one per broker, and are counted apart.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface JavaScriptSize {
  initialFiles: string[];
  initialGzipBytes: number;
  workerGzipBytes: number;
}

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

export function measureInitialJavaScript(distDirectory: string): JavaScriptSize {
  const html = readFileSync(join(distDirectory, "index.html"), "utf8");
  const referenced = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1]!.replace(/^\//, ""));
  const initialFiles = [...new Set(referenced)];
  const initialGzipBytes = initialFiles.reduce(
    (sum, file) => sum + gzipped(join(distDirectory, file)),
    0,
  );
  const assets = readdirSync(join(distDirectory, "assets")).filter((file) => file.endsWith(".js"));
  const workerGzipBytes = assets
    .filter((file) => /worker/i.test(file))
    .reduce((sum, file) => sum + gzipped(join(distDirectory, "assets", file)), 0);
  return { initialFiles, initialGzipBytes, workerGzipBytes };
}
