/**
 * kafka-consumer-groups --reset-offsets --export and --from-file: a reset plan as CSV lines,
 * "topic,partition,offset" for one group or "group,topic,partition,offset" for several
 * (Kafka's CsvUtils records, no header), fields quoted only when they must be.
 */
import { illegalArgument } from "../framework/java-exception.ts";
import { partitionName, type TopicPartition } from "./group-reads.ts";

export interface PlannedOffset {
  tp: TopicPartition;
  offset: bigint;
}

/** One group's plan by partition name; groups by id, in the order they were planned. */
export type ResetPlan = Map<string, Map<string, PlannedOffset>>;

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** exportOffsetsToCsv: one line per partition (each ends with a line break). */
export function exportedCsv(plan: ResetPlan, singleGroup: boolean): string {
  let csv = "";
  for (const [groupId, offsets] of plan) {
    for (const { tp, offset } of offsets.values()) {
      const fields = [tp.topic, String(tp.partition), String(offset)];
      csv += `${(singleGroup ? fields : [groupId, ...fields]).map(csvField).join(",")}\n`;
    }
  }
  return csv;
}

/** A CSV line's fields, quotes undone. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields;
}

function record(fields: string[], line: string): { tp: TopicPartition; offset: bigint } {
  const [topic, partition, offset] = fields;
  if (!/^-?\d+$/.test(partition ?? "") || !/^-?\d+$/.test(offset ?? ""))
    throw illegalArgument(`Invalid reset plan line '${line}'`);
  return { tp: { topic: topic!, partition: Number(partition) }, offset: BigInt(offset!) };
}

/**
 * parseResetPlan: lines of three fields are one group's plan (only when one --group is
 * given); otherwise every line names its group.
 */
export function parseResetPlan(csv: string, groups: readonly string[]): ResetPlan {
  const lines = csv.split("\n").filter((line) => line.trim() !== "");
  const rows = lines.map((line) => ({ line, fields: csvFields(line.replace(/\r$/, "")) }));
  const oldFormat = rows.length > 0 && rows[0]!.fields.length === 3;
  const plan: ResetPlan = new Map();
  for (const { line, fields } of rows) {
    const single = groups.length === 1 && oldFormat;
    const groupId = single ? groups[0]! : fields[0]!;
    const planned = record(single ? fields : fields.slice(1), line);
    const offsets = plan.get(groupId) ?? new Map<string, PlannedOffset>();
    offsets.set(partitionName(planned.tp), planned);
    plan.set(groupId, offsets);
  }
  return plan;
}
