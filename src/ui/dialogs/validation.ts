/**
 * What a dialog's validation says about one field: an error (the form will not send) or a
 * warning (it will, but Kafka will do something the learner may not expect), as an i18n key
 * with its values and, where Kafka has one, the error name Kafka would answer with. Forms
 * hold what the user typed as text; these parsers turn it into numbers the way Kafka's
 * ConfigDef does (whole numbers for int and long configs, nothing else accepted).
 */
import type { MessageKey } from "../i18n/en.ts";

export type Severity = "error" | "warning";

export interface Issue {
  /** The form field the issue belongs to (its messages are linked to that input). */
  field: string;
  severity: Severity;
  key: MessageKey;
  values?: Record<string, string | number>;
  /** Kafka's name for what the broker or client would answer (INVALID_REPLICATION_FACTOR, ...). */
  kafkaName?: string;
}

/** Java's Integer.MAX_VALUE: the upper bound of Kafka's int configs. */
export const INT_MAX = 2_147_483_647;

const WHOLE_NUMBER = /^\s*[-+]?\d+\s*$/;
const DECIMAL_NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/;

/** A whole number as Kafka reads an int or long config, or null when the text is not one. */
export function parseWholeNumber(text: string): number | null {
  if (!WHOLE_NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** A decimal number (a rate), or null. */
export function parseDecimalNumber(text: string): number | null {
  if (!DECIMAL_NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export interface NumberRule {
  min: number;
  max: number;
  /** Accept a decimal (a rate) rather than only whole numbers. */
  decimal?: boolean;
  kafkaName?: string;
}

/**
 * Checks a numeric field: an error when it is not a number of the right kind or out of
 * [min, max]. Returns the number when it is valid.
 */
export function checkNumber(
  issues: Issue[],
  field: string,
  text: string,
  rule: NumberRule,
): number | null {
  const value = rule.decimal ? parseDecimalNumber(text) : parseWholeNumber(text);
  const kafkaName = rule.kafkaName;
  if (value === null) {
    issues.push({
      field,
      severity: "error",
      key:
        text.trim() === ""
          ? "validation.required"
          : rule.decimal
            ? "validation.notNumber"
            : "validation.notWholeNumber",
      kafkaName,
    });
    return null;
  }
  if (value < rule.min || value > rule.max) {
    // A bound as large as a long's is no bound a learner needs to read.
    const open = rule.max >= Number.MAX_SAFE_INTEGER;
    issues.push({
      field,
      severity: "error",
      key: open ? "validation.atLeast" : "validation.outOfRange",
      values: { min: rule.min, max: rule.max },
      kafkaName,
    });
    return null;
  }
  return value;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

/** The issue to show under `field`: its first error, else its first warning. */
export function issueFor(issues: readonly Issue[], field: string): Issue | undefined {
  const mine = issues.filter((issue) => issue.field === field);
  return mine.find((issue) => issue.severity === "error") ?? mine[0];
}

/**
 * Kafka's legal name characters (topic names, group.instance.id): ASCII letters, digits,
 * '.', '_' and '-'. Returns the characters that are not, each once, in order.
 */
export function illegalNameCharacters(name: string): string[] {
  return [...new Set([...name].filter((character) => !/[a-zA-Z0-9._-]/.test(character)))];
}

/** Kafka's limit on a topic name's (and a group.instance.id's) length. */
export const MAX_NAME_LENGTH = 249;
