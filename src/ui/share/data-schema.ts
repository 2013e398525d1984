/**
 * The records an imported document carries: bounded per partition, in all, and in bytes,
 * so an import can never ask the page to write more than an export could have read.
 */
import { formatBytes } from "../dock/format-bytes.ts";
import { MAX_PLAYGROUND_PARTITIONS } from "../dialogs/topic-validation.ts";
import { MAX_NAME_LENGTH } from "../dialogs/validation.ts";
import {
  bool,
  INVALID,
  integer,
  list,
  nullable,
  object,
  refine,
  text,
  type Schema,
} from "./schema.ts";
import {
  LIMITS,
  type DataDocument,
  type PartitionDataDocument,
  type RecordDocument,
  type TopicDataDocument,
} from "./share-format.ts";

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < value.length) {
      bytes += 4; // a surrogate pair: one code point of four bytes
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function recordBytes(record: RecordDocument): number {
  return utf8Length(record.key ?? "") + utf8Length(record.value ?? "");
}

const payload = nullable(text({ max: LIMITS.dataBytes }));

const recordSchema = object<RecordDocument>({ key: payload, value: payload });

const partitionSchema = object<PartitionDataDocument>({
  partition: integer({ min: 0, max: MAX_PLAYGROUND_PARTITIONS - 1 }),
  records: list(recordSchema, { max: LIMITS.recordsPerPartition }),
  skipped: integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
});

/** Each partition once per topic. */
const topicDataSchema: Schema<TopicDataDocument> = refine(
  object<TopicDataDocument>({
    topic: text({ max: MAX_NAME_LENGTH, min: 1 }),
    partitions: list(partitionSchema, { max: MAX_PLAYGROUND_PARTITIONS }),
  }),
  (topic, path, problems) => {
    const seen = new Set<number>();
    let valid = true;
    topic.partitions.forEach(({ partition }, index) => {
      if (seen.has(partition)) {
        valid = false;
        problems.add({
          path: [...path, "partitions", index, "partition"],
          key: "share.problem.duplicate",
          values: { name: partition },
        });
      }
      seen.add(partition);
    });
    return valid ? topic : INVALID;
  },
);

/** The totals: records and bytes in the whole document. */
export const dataSchema: Schema<DataDocument> = refine(
  object<DataDocument>({
    maxRecordsPerPartition: integer({ min: 1, max: LIMITS.recordsPerPartition }),
    maxBytes: integer({ min: 1, max: LIMITS.dataBytes }),
    truncated: bool,
    topics: list(topicDataSchema, { max: LIMITS.topics }),
  }),
  (data, path, problems) => {
    let records = 0;
    let bytes = 0;
    for (const topic of data.topics) {
      for (const partition of topic.partitions) {
        records += partition.records.length;
        for (const record of partition.records) bytes += recordBytes(record);
      }
    }
    if (records > LIMITS.records)
      return problems.add({
        path: [...path, "topics"],
        key: "share.problem.tooManyRecords",
        values: { count: records, max: LIMITS.records },
      });
    if (bytes > LIMITS.dataBytes)
      return problems.add({
        path: [...path, "topics"],
        key: "share.problem.tooManyBytes",
        values: { bytes: formatBytes(bytes), max: formatBytes(LIMITS.dataBytes) },
      });
    return data;
  },
);
