/**
 * The producer form checked as Kafka's ProducerConfig would check it, before the producer
 * starts: linger.ms and batch.size are non-negative whole numbers, and an idempotent
 * producer needs acks=all (Kafka's ConfigException, word for word in the client). Plus the
 * playground's own bounds (a rate the page can draw, a key set it can colour) and warnings
 * for settings that quietly change what a learner will see.
 */
import type {
  AcksSetting,
  KeyMode,
  PartitionerSetting,
  ProducerSettings,
} from "../store/clients-slice.ts";
import type { Checked } from "./topic-validation.ts";
import { checkNumber, hasErrors, INT_MAX, type Issue } from "./validation.ts";

export const MAX_RATE_PER_SEC = 5_000;
/** Keys the page gives distinct hues to; more would repeat colours. */
export const MAX_KEY_SET = 32;
export const MAX_VALUE_TEMPLATE_LENGTH = 1_000;

export interface ProducerDraft {
  topic: string;
  ratePerSec: string;
  keyMode: KeyMode;
  fixedKey: string;
  /** The random-key set as typed: keys separated by commas. */
  keySet: string;
  valueTemplate: string;
  /** Every value null: tombstones, which a compacted topic reads as "delete this key". */
  nullValue: boolean;
  acks: AcksSetting;
  lingerMs: string;
  batchSize: string;
  idempotence: boolean;
  partitioner: PartitionerSetting;
}

export function producerDraftOf(settings: ProducerSettings): ProducerDraft {
  return {
    ...settings,
    ratePerSec: String(settings.ratePerSec),
    keySet: settings.keySet.join(", "),
    lingerMs: String(settings.lingerMs),
    batchSize: String(settings.batchSize),
    nullValue: settings.nullValue === true,
  };
}

/** The keys of a typed key set: trimmed, blanks dropped, each once. */
export function parseKeySet(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((key) => key.trim())
        .filter((key) => key !== ""),
    ),
  ];
}

/** Kafka's message for the conflict, as KafkaProducer raises it. */
export const IDEMPOTENCE_NEEDS_ACKS_ALL =
  "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.";

function checkKeys(issues: Issue[], draft: ProducerDraft): string[] {
  const keySet = parseKeySet(draft.keySet);
  if (draft.keyMode === "random") {
    if (keySet.length === 0)
      issues.push({ field: "keySet", severity: "error", key: "producerDialog.keySetEmpty" });
    if (keySet.length > MAX_KEY_SET) {
      issues.push({
        field: "keySet",
        severity: "error",
        key: "producerDialog.keySetTooLarge",
        values: { max: MAX_KEY_SET },
      });
    }
  }
  if (draft.keyMode === "fixed" && draft.fixedKey === "") {
    issues.push({ field: "fixedKey", severity: "warning", key: "producerDialog.fixedKeyEmpty" });
  }
  if (draft.partitioner === "round-robin" && draft.keyMode !== "none") {
    issues.push({
      field: "partitioner",
      severity: "warning",
      key: "producerDialog.roundRobinIgnoresKeys",
    });
  }
  return keySet;
}

export function validateProducerDraft(draft: ProducerDraft): Checked<ProducerSettings> {
  const issues: Issue[] = [];
  const ratePerSec = checkNumber(issues, "ratePerSec", draft.ratePerSec, {
    min: 0,
    max: MAX_RATE_PER_SEC,
    decimal: true,
  });
  const lingerMs = checkNumber(issues, "lingerMs", draft.lingerMs, {
    min: 0,
    max: INT_MAX,
    kafkaName: "ConfigException",
  });
  const batchSize = checkNumber(issues, "batchSize", draft.batchSize, {
    min: 0,
    max: INT_MAX,
    kafkaName: "ConfigException",
  });
  const keySet = checkKeys(issues, draft);
  if (draft.valueTemplate.length > MAX_VALUE_TEMPLATE_LENGTH) {
    issues.push({
      field: "valueTemplate",
      severity: "error",
      key: "producerDialog.valueTooLong",
      values: { max: MAX_VALUE_TEMPLATE_LENGTH },
    });
  }
  if (draft.idempotence && draft.acks !== "all") {
    issues.push({
      field: "idempotence",
      severity: "error",
      key: "producerDialog.idempotenceNeedsAcksAll",
      kafkaName: "ConfigException",
    });
  }
  if (draft.acks === "0")
    issues.push({ field: "acks", severity: "warning", key: "producerDialog.acksZero" });
  if (hasErrors(issues) || ratePerSec === null || lingerMs === null || batchSize === null) {
    return { issues, value: null };
  }
  return {
    issues,
    value: {
      topic: draft.topic,
      ratePerSec,
      keyMode: draft.keyMode,
      fixedKey: draft.fixedKey,
      keySet,
      valueTemplate: draft.valueTemplate,
      acks: draft.acks,
      lingerMs,
      batchSize,
      idempotence: draft.idempotence,
      partitioner: draft.partitioner,
      // Only a producer of tombstones says so, as the saved settings of older visits do.
      ...(draft.nullValue ? { nullValue: true } : {}),
    },
  };
}
