/**
 * An imported playground document, checked completely before anything is changed: the
 * format and version first (a file of another kind gets one clear answer, not a list of
 * every field it lacks), then the whole shape, then the rules between fields — a
 * replication factor no larger than the brokers, a producer's topic among the topics, a
 * selection that points at something the document has.
 */
import { MAX_NODES } from "../../runtime/web-worker/cluster-config.ts";
import type { StorageKind } from "../../runtime/web-worker/node-storage.ts";
import { MAX_PLAYGROUND_PARTITIONS, topicNameIssues } from "../dialogs/topic-validation.ts";
import { MAX_NAME_LENGTH } from "../dialogs/validation.ts";
import { clientsSchema } from "./client-schema.ts";
import { dataSchema } from "./data-schema.ts";
import { checkReferences } from "./document-references.ts";
import { addIssueErrors } from "./issue-problems.ts";
import { layoutSchema } from "./layout-schema.ts";
import {
  dictionary,
  INVALID,
  integer,
  jsonType,
  list,
  object,
  oneOf,
  Problems,
  refine,
  text,
  type Problem,
  type Schema,
} from "./schema.ts";
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  LIMITS,
  type PlaygroundDocument,
  type TopicDocument,
} from "./share-format.ts";
import { topicConfigIssues } from "./topic-config-table.ts";

export type DocumentCheck =
  { ok: true; document: PlaygroundDocument } | { ok: false; problems: Problem[]; more: number };

/** Kafka's internal topics (__consumer_offsets, ...) belong to the cluster, not to a file. */
const INTERNAL_PREFIX = "__";
const STORAGE_KINDS: readonly StorageKind[] = ["opfs", "indexeddb", "memory"];

const configValue = text({ max: LIMITS.configValueChars });

const topicConfigs = dictionary<string>(
  (name, value, path, problems) => {
    const checked = configValue(value, path, problems);
    if (checked === INVALID) return INVALID;
    return addIssueErrors(topicConfigIssues(name, checked), path, problems, true)
      ? INVALID
      : checked;
  },
  { maxEntries: LIMITS.configsPerTopic },
);

const topicSchema = object<TopicDocument>({
  // Longer than Kafka's limit still gets Kafka's message (topicNameRule.tooLong) below.
  name: text({ max: MAX_NAME_LENGTH * 4 }),
  partitions: integer({ min: 1, max: MAX_PLAYGROUND_PARTITIONS }),
  replicationFactor: integer({ min: 1, max: MAX_NODES }),
  configs: topicConfigs,
});

/** Kafka's topic name rules (the create-topic dialog's), and each name once. */
const topicsSchema: Schema<TopicDocument[]> = refine(
  list(topicSchema, { max: LIMITS.topics }),
  (topics, path, problems) => {
    let valid = true;
    topics.forEach((topic, index) => {
      const at = [...path, index, "name"];
      const earlier = topics.slice(0, index).map((other) => other.name);
      if (addIssueErrors(topicNameIssues(topic.name, earlier), at, problems, true)) valid = false;
      else if (topic.name.startsWith(INTERNAL_PREFIX)) {
        valid = false;
        problems.add({
          path: at,
          key: "share.problem.internalTopic",
          values: { name: topic.name },
        });
      }
    });
    return valid ? topics : INVALID;
  },
);

const exportedAt = refine(text({ max: LIMITS.exportedAtChars }), (value, path, problems) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) &&
  Number.isFinite(Date.parse(value))
    ? value
    : problems.add({ path, key: "share.problem.date" }),
);

const documentShape = object<PlaygroundDocument>(
  {
    format: oneOf([FORMAT_NAME] as const),
    version: oneOf([FORMAT_VERSION] as const),
    exportedAt,
    cluster: object<PlaygroundDocument["cluster"]>({
      brokers: integer({ min: 1, max: MAX_NODES }),
      controllers: oneOf([1, 3, 5] as const),
      storage: oneOf(STORAGE_KINDS),
    }),
    topics: topicsSchema,
    clients: clientsSchema,
    layout: layoutSchema,
    data: dataSchema,
  },
  ["data"],
);

/** Checks an untrusted value (parsed JSON) as a playground document. */
export function checkDocument(value: unknown): DocumentCheck {
  const problems = new Problems();
  const fail = (): DocumentCheck => ({ ok: false, problems: problems.list, more: problems.more });
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.add({
      path: [],
      key: "share.problem.notDocument",
      values: { found: jsonType(value) },
    });
    return fail();
  }
  const fields = value as Record<string, unknown>;
  if (fields.format !== FORMAT_NAME) {
    problems.add({
      path: ["format"],
      key: "share.problem.format",
      values: { format: FORMAT_NAME },
    });
    return fail();
  }
  if (fields.version !== FORMAT_VERSION) {
    const found = typeof fields.version === "number" ? fields.version : jsonType(fields.version);
    problems.add({
      path: ["version"],
      key: "share.problem.version",
      values: { version: found, supported: FORMAT_VERSION },
    });
    return fail();
  }
  const document = documentShape(value, [], problems);
  if (document === INVALID) return fail();
  checkReferences(document, problems);
  return problems.empty ? { ok: true, document } : fail();
}
