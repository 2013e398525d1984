/**
 * Kafka errors in a learner's words (UI.md: "errors in words a learner understands, with
 * the Kafka name beside them"). The plain line comes from strings/kafka-errors.ts; an
 * error the table does not know keeps its own message.
 */
import { en, type MessageKey } from "../i18n/en.ts";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The i18n key explaining `errorName`, or null when the table has none. */
export function errorExplanationKey(errorName: string): MessageKey | null {
  const key = `kafkaError.${errorName}`;
  return Object.hasOwn(en, key) ? (key as MessageKey) : null;
}

/**
 * What the error says beyond its name: KafkaProtocolError writes "NAME: detail", and the
 * name is already shown beside the words.
 */
export function errorDetail(errorName: string, message: string): string {
  const trimmed = message.trim();
  if (trimmed === errorName) return "";
  return trimmed.startsWith(`${errorName}: `) ? trimmed.slice(errorName.length + 2) : trimmed;
}

/** One plain line for the error: the table's explanation, else the error's own message. */
export function explainError(t: Translate, errorName: string, message: string): string {
  const key = errorExplanationKey(errorName);
  if (key !== null) return t(key);
  const detail = errorDetail(errorName, message);
  return detail === "" ? errorName : detail;
}
