/**
 * Runs the RecordBatch benchmark in this Node process: `npx tsx bench/records/node.ts`.
 * (`npm run bench:records` runs it in Node and Chromium side by side.)
 */
import {
  formatRecordsBenchTable,
  runRecordsBench,
  type RecordsBenchResult,
} from "./records-bench.ts";

export function runRecordsBenchInNode(): RecordsBenchResult {
  return runRecordsBench();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of formatRecordsBenchTable({
    [`Node ${process.version}`]: runRecordsBenchInNode(),
  })) {
    console.log(line);
  }
}
