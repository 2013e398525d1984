/**
 * `npm run bench:records`: the RecordBatch v2 benchmark in Node, then in headless
 * Chromium, printed side by side. Not a test: it measures, it does not assert.
 */
import { runRecordsBenchInChromium } from "./chromium.ts";
import { runRecordsBenchInNode } from "./node.ts";
import { formatRecordsBenchTable } from "./records-bench.ts";

const node = runRecordsBenchInNode();
const browser = await runRecordsBenchInChromium();
const table = formatRecordsBenchTable({
  [`Node ${process.version}`]: node,
  [`Chromium ${browser.version}`]: browser.result,
});
for (const line of table) console.log(line);
