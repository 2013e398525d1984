/**
 * What DumpLogSegments collects while it dumps and reports on standard error at the end:
 * index entries that do not match the log, time index problems, and offsets that do not
 * follow each other. Pairs are kept per file, in the order Kafka prints them (the offset
 * index and log lists newest first, as Kafka prepends to them).
 */
import type { ToolIo } from "../framework/tool.ts";

type Pairs = Map<string, [bigint, bigint][]>;

function add(map: Pairs, file: string, pair: [bigint, bigint], prepend: boolean): void {
  let pairs = map.get(file);
  if (pairs === undefined) map.set(file, (pairs = []));
  if (prepend) pairs.unshift(pair);
  else pairs.push(pair);
}

export class DumpReport {
  private readonly indexMismatches: Pairs = new Map();
  private readonly timestampMismatches: Pairs = new Map();
  private readonly outOfOrderTimestamps: Pairs = new Map();
  private readonly shallowOffsetsNotFound: Pairs = new Map();
  private readonly nonConsecutiveOffsets: Pairs = new Map();

  indexMismatch(file: string, indexOffset: bigint, logOffset: bigint): void {
    add(this.indexMismatches, file, [indexOffset, logOffset], true);
  }

  timestampMismatch(file: string, indexTimestamp: bigint, logTimestamp: bigint): void {
    add(this.timestampMismatches, file, [indexTimestamp, logTimestamp], false);
  }

  outOfOrderTimestamp(file: string, indexTimestamp: bigint, previousTimestamp: bigint): void {
    add(this.outOfOrderTimestamps, file, [indexTimestamp, previousTimestamp], false);
  }

  shallowOffsetNotFound(file: string, indexOffset: bigint, logOffset: bigint): void {
    add(this.shallowOffsetsNotFound, file, [indexOffset, logOffset], false);
  }

  nonConsecutive(file: string, previous: bigint, next: bigint): void {
    add(this.nonConsecutiveOffsets, file, [previous, next], true);
  }

  print(io: ToolIo): void {
    for (const [file, pairs] of this.indexMismatches) {
      io.err(`Mismatches in :${file}`);
      for (const [index, log] of pairs) io.err(`  Index offset: ${index}, log offset: ${log}`);
    }
    for (const [file, pairs] of this.timestampMismatches) {
      io.err(`Found timestamp mismatch in :${file}`);
      for (const [index, log] of pairs)
        io.err(`  Index timestamp: ${index}, log timestamp: ${log}`);
    }
    for (const [file, pairs] of this.outOfOrderTimestamps) {
      io.err(`Found out of order timestamp in :${file}`);
      for (const [index, previous] of pairs) {
        io.err(`  Index timestamp: ${index}, Previously indexed timestamp: ${previous}`);
      }
    }
    for (const pairs of this.shallowOffsetsNotFound.values()) {
      io.err("The following indexed offsets are not found in the log.");
      for (const [index, log] of pairs)
        io.err(`Indexed offset: ${index}, found log offset: ${log}`);
    }
    for (const [file, pairs] of this.nonConsecutiveOffsets) {
      io.err(`Non-consecutive offsets in ${file}`);
      for (const [first, second] of pairs) io.err(`  ${first} is followed by ${second}`);
    }
  }
}
