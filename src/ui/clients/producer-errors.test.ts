import { describe, expect, it } from "vitest";
import { explainError } from "../dialogs/explain-error.ts";
import type { MessageKey } from "../i18n/en.ts";
import { translate } from "../i18n/translate.ts";

/** The errors a playground producer meets when brokers die, links break or settings clash. */
const PRODUCER_ERRORS = [
  "NOT_ENOUGH_REPLICAS",
  "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
  "REQUEST_TIMED_OUT",
  "NOT_LEADER_OR_FOLLOWER",
  "LEADER_NOT_AVAILABLE",
  "TimeoutException",
  "NETWORK_EXCEPTION",
  "UNKNOWN_TOPIC_OR_PARTITION",
  "ConfigException",
];

const english = (key: MessageKey, values?: Record<string, string | number>) =>
  translate("en", key, values);
const korean = (key: MessageKey, values?: Record<string, string | number>) =>
  translate("ko", key, values);

describe("producer error lines", () => {
  it("explain every common producer error in plain words, in English and Korean", () => {
    for (const name of PRODUCER_ERRORS) {
      const message = `${name}: the broker's own detail`;
      const inEnglish = explainError(english, name, message);
      const inKorean = explainError(korean, name, message);
      expect(inEnglish, name).not.toContain("the broker's own detail");
      expect(inKorean, name).not.toBe(inEnglish);
    }
    expect(explainError(english, "NOT_ENOUGH_REPLICAS", "")).toContain("min.insync.replicas");
  });

  it("show an unknown error's own message beside its name", () => {
    expect(explainError(english, "SOMETHING_NEW", "SOMETHING_NEW: it broke")).toBe("it broke");
  });
});
