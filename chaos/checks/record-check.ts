/**
 * The records check, once everything is healed: every record a producer had acknowledged
 * is in its partition exactly once, at the offset it was acknowledged at, and each
 * producer's records stand in each partition in the order it sent them. Values carry the
 * producer and its sequence number ("chaos <producer> #<n>"), so a record read back names
 * who sent it and when. Records that were sent but never acknowledged may be in the log
 * (the write succeeded, the answer was lost) — but once at most, and in order.
 */

export interface Acknowledgement {
  producer: string;
  /** The producer's sequence number of the record (0, 1, 2, ... in send order). */
  n: number;
  partition: number;
  offset: number;
}

export interface LogRecord {
  offset: number;
  value: string | null;
}

export interface RecordCheck {
  acknowledged: number;
  /** Acknowledged records the log does not hold anywhere. */
  lost: number;
  /** Extra copies of a record in the log (acknowledged or not). */
  duplicated: number;
  /** Records standing before one their producer sent earlier, in the same partition. */
  outOfOrder: number;
  /** Acknowledged records the log holds, but not at the partition and offset acknowledged. */
  misplaced: number;
  /** Records in the log per producer (to hold the page's acknowledged counts against). */
  inLogByProducer: Record<string, number>;
  violations: string[];
}

const VALUE_PATTERN = /^chaos (\S+) #(\d+)$/;
/** Sentences kept per kind of violation; the counts say how many there were. */
const EXAMPLES_PER_KIND = 10;

/** The producer's value template (the playground fills in {n}). */
export function chaosValueTemplate(producer: string): string {
  return `chaos ${producer} #{n}`;
}

export function parseChaosValue(value: string | null): { producer: string; n: number } | null {
  const match = value === null ? null : VALUE_PATTERN.exec(value);
  return match === null ? null : { producer: match[1]!, n: Number(match[2]) };
}

/**
 * `logs`: each partition's records from its log start offset to its HW, in offset order.
 * `acknowledgements`: what the producers were told, in any order.
 */
export function checkRecords(
  acknowledgements: readonly Acknowledgement[],
  logs: ReadonlyMap<number, readonly LogRecord[]>,
): RecordCheck {
  const examples = new Map<string, string[]>();
  const counts = new Map<string, number>();
  const violate = (kind: string, sentence: string) => {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const kept = examples.get(kind) ?? [];
    if (kept.length < EXAMPLES_PER_KIND) kept.push(sentence);
    examples.set(kind, kept);
  };

  /** "producer#n" → where the log holds it (first copy). */
  const found = new Map<string, { partition: number; offset: number }>();
  const inLogByProducer: Record<string, number> = {};
  for (const [partition, records] of [...logs].sort(([a], [b]) => a - b)) {
    const lastN = new Map<string, { n: number; offset: number }>();
    for (const record of records) {
      const parsed = parseChaosValue(record.value);
      if (parsed === null) {
        violate(
          "foreign",
          `partition ${partition} offset ${record.offset} holds ${JSON.stringify(record.value)}, which no chaos producer sent`,
        );
        continue;
      }
      const id = `${parsed.producer}#${parsed.n}`;
      const first = found.get(id);
      if (first !== undefined) {
        violate(
          "duplicated",
          `${id} is in the log twice: partition ${first.partition} offset ${first.offset} and partition ${partition} offset ${record.offset}`,
        );
        continue;
      }
      found.set(id, { partition, offset: record.offset });
      inLogByProducer[parsed.producer] = (inLogByProducer[parsed.producer] ?? 0) + 1;
      const before = lastN.get(parsed.producer);
      if (before !== undefined && parsed.n < before.n)
        violate(
          "outOfOrder",
          `partition ${partition}: ${id} at offset ${record.offset} stands after #${before.n} (offset ${before.offset}), sent later`,
        );
      if (before === undefined || parsed.n > before.n)
        lastN.set(parsed.producer, { n: parsed.n, offset: record.offset });
    }
  }

  const acknowledgedOnce = new Set<string>();
  for (const ack of acknowledgements) {
    const id = `${ack.producer}#${ack.n}`;
    if (acknowledgedOnce.has(id)) {
      violate("acknowledgedTwice", `${id} was acknowledged twice`);
      continue;
    }
    acknowledgedOnce.add(id);
    const where = found.get(id);
    if (where === undefined)
      violate(
        "lost",
        `${id} was acknowledged at partition ${ack.partition} offset ${ack.offset}; no partition holds it`,
      );
    else if (where.partition !== ack.partition || where.offset !== ack.offset)
      violate(
        "misplaced",
        `${id} was acknowledged at partition ${ack.partition} offset ${ack.offset}; the log holds it at partition ${where.partition} offset ${where.offset}`,
      );
  }

  const violations: string[] = [];
  for (const [kind, sentences] of examples) {
    violations.push(...sentences);
    const more = counts.get(kind)! - sentences.length;
    if (more > 0) violations.push(`… and ${more} more ${kind}`);
  }
  return {
    acknowledged: acknowledgedOnce.size,
    lost: counts.get("lost") ?? 0,
    duplicated: counts.get("duplicated") ?? 0,
    outOfOrder: counts.get("outOfOrder") ?? 0,
    misplaced: counts.get("misplaced") ?? 0,
    inLogByProducer,
    violations,
  };
}
