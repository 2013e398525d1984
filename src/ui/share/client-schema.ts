/**
 * The producers and consumers of an imported document: every settings field of the page's
 * own shape (clients-slice.ts), of the right type, in range, and then the producer and
 * consumer dialogs' own checks (producer-validation.ts, consumer-validation.ts): what a
 * learner could not have typed into the page cannot come in through a file either.
 */
import {
  ASSIGNORS,
  consumerDraftOf,
  GROUP_MAX_SESSION_TIMEOUT_MS,
  GROUP_MIN_SESSION_TIMEOUT_MS,
  MAX_PROCESSING_DELAY_MS,
  validateConsumerDraft,
} from "../dialogs/consumer-validation.ts";
import {
  MAX_KEY_SET,
  MAX_RATE_PER_SEC,
  MAX_VALUE_TEMPLATE_LENGTH,
  producerDraftOf,
  validateProducerDraft,
} from "../dialogs/producer-validation.ts";
import { INT_MAX, MAX_NAME_LENGTH } from "../dialogs/validation.ts";
import type {
  AcksSetting,
  ConsumerSettings,
  KeyMode,
  PartitionerSetting,
  ProducerSettings,
} from "../store/clients-slice.ts";
import { addIssueErrors } from "./issue-problems.ts";
import {
  bool,
  decimal,
  INVALID,
  integer,
  list,
  object,
  oneOf,
  refine,
  text,
  type Schema,
} from "./schema.ts";
import { LIMITS, type ClientDocument } from "./share-format.ts";

const KEY_MODES: readonly KeyMode[] = ["none", "fixed", "random", "sequence"];
const ACKS: readonly AcksSetting[] = ["0", "1", "all"];
const PARTITIONERS: readonly PartitionerSetting[] = ["default", "round-robin"];

const topicName = text({ max: MAX_NAME_LENGTH, min: 1 });

const producerShape = object<ProducerSettings>(
  {
    topic: topicName,
    ratePerSec: decimal({ min: 0, max: MAX_RATE_PER_SEC }),
    keyMode: oneOf(KEY_MODES),
    fixedKey: text({ max: LIMITS.keyChars }),
    keySet: list(text({ max: LIMITS.keyChars }), { max: MAX_KEY_SET }),
    valueTemplate: text({ max: MAX_VALUE_TEMPLATE_LENGTH }),
    acks: oneOf(ACKS),
    lingerMs: integer({ min: 0, max: INT_MAX }),
    batchSize: integer({ min: 0, max: INT_MAX }),
    idempotence: bool,
    partitioner: oneOf(PARTITIONERS),
    nullValue: bool,
  },
  // Added after the format's first files; absent means false, as in the page's own saves.
  ["nullValue"],
);

/** The producer dialog's rules (idempotence needs acks=all, a random key needs a key set, ...). */
const producerSettings: Schema<ProducerSettings> = refine(
  producerShape,
  (settings, path, problems) => {
    const checked = validateProducerDraft(producerDraftOf(settings));
    if (addIssueErrors(checked.issues, path, problems) || checked.value === null) return INVALID;
    // The form's value, with the fields the form does not set kept as the file had them.
    return { ...settings, ...checked.value };
  },
);

const consumerShape = object<ConsumerSettings>(
  {
    topic: topicName,
    groupId: text({ max: LIMITS.groupIdChars, min: 1 }),
    assignor: oneOf(ASSIGNORS),
    processingDelayMs: integer({ min: 0, max: MAX_PROCESSING_DELAY_MS }),
    autoCommit: bool,
    fromBeginning: bool,
    sessionTimeoutMs: integer({
      min: GROUP_MIN_SESSION_TIMEOUT_MS,
      max: GROUP_MAX_SESSION_TIMEOUT_MS,
    }),
    groupInstanceId: text({ max: MAX_NAME_LENGTH }),
    extraTopics: list(topicName, { max: LIMITS.topics }),
    commitBeforeProcessing: bool,
  },
  // Added after the format's first files; absent means none / false.
  ["extraTopics", "commitBeforeProcessing"],
);

/** The consumer dialog's rules (a group id, group.instance.id's characters, ...). */
const consumerSettings: Schema<ConsumerSettings> = refine(
  consumerShape,
  (settings, path, problems) => {
    const group = { protocol: null, memberCount: 0, instanceIdsInUse: [] };
    const checked = validateConsumerDraft(consumerDraftOf(settings), group);
    if (addIssueErrors(checked.issues, path, problems) || checked.value === null) return INVALID;
    // The form's value, with the fields the form does not set kept as the file had them.
    return { ...settings, ...checked.value };
  },
);

/** A card's id as the page names its clients: producer-1, consumer-12. */
function clientId(kind: "producer" | "consumer"): Schema<string> {
  const pattern = new RegExp(`^${kind}-[1-9][0-9]{0,8}$`);
  return refine(text({ max: LIMITS.clientIdChars }), (id, path, problems) =>
    pattern.test(id)
      ? id
      : problems.add({ path, key: "share.problem.clientId", values: { example: `${kind}-1` } }),
  );
}

/** The clients, each id once. */
function clientList<S>(
  kind: "producer" | "consumer",
  settings: Schema<S>,
  max: number,
): Schema<ClientDocument<S>[]> {
  const entry = object<ClientDocument<S>>({ id: clientId(kind), settings });
  return refine(list(entry, { max }), (clients, path, problems) => {
    const seen = new Set<string>();
    let valid = true;
    clients.forEach((client, index) => {
      if (seen.has(client.id)) {
        valid = false;
        problems.add({
          path: [...path, index, "id"],
          key: "share.problem.duplicate",
          values: { name: client.id },
        });
      }
      seen.add(client.id);
    });
    return valid ? clients : INVALID;
  });
}

export const clientsSchema = object<{
  producers: ClientDocument<ProducerSettings>[];
  consumers: ClientDocument<ConsumerSettings>[];
}>({
  producers: clientList("producer", producerSettings, LIMITS.producers),
  consumers: clientList("consumer", consumerSettings, LIMITS.consumers),
});
