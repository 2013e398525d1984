/** What lesson 13 asks: did a retry write a record twice, and is the page's network faulty? */
import type { LinkEntry } from "../../../runtime/network/link-conditions.ts";
import { PAGE_ENDPOINT } from "../../../runtime/web-worker/node-worker-protocol.ts";
import type { LoggedRecord } from "./log-reader.ts";

export type Writers = "idempotent" | "plain";

/**
 * Records that repeat an earlier record of the same writer: same producer id (all plain
 * producers share -1) and the same value. The playground's values carry the record's
 * number ({n}), so a repeat is a record the log holds twice.
 */
export function duplicateRecords(records: readonly LoggedRecord[], writers: Writers): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const record of records) {
    if (record.producerId >= 0 !== (writers === "idempotent")) continue;
    const identity = `${record.producerId}\u0000${record.value ?? "\u0001null"}`;
    if (seen.has(identity)) duplicates += 1;
    else seen.add(identity);
  }
  return duplicates;
}

/** How many of the records were written by that kind of producer. */
export function recordsBy(records: readonly LoggedRecord[], writers: Writers): number {
  return records.filter((record) => record.producerId >= 0 === (writers === "idempotent")).length;
}

/** Whether any link between the page's clients and a broker is cut, slow or lossy. */
export function pageLinkFaulty(links: readonly LinkEntry[]): boolean {
  return links.some((link) => link.from === PAGE_ENDPOINT || link.to === PAGE_ENDPOINT);
}
