import { describe, expect, it } from "vitest";
import { ERRORS } from "../../protocol/generated/error-codes.ts";
import { en } from "../i18n/en.ts";
import { translate } from "../i18n/translate.ts";
import { errorDetail, errorExplanationKey, explainError, type Translate } from "./explain-error.ts";

const english: Translate = (key, values) => translate("en", key, values);
const korean: Translate = (key, values) => translate("ko", key, values);

describe("explainError", () => {
  it("explains a Kafka error code by its name, in the viewer's language", () => {
    expect(explainError(english, "NOT_ENOUGH_REPLICAS", "NOT_ENOUGH_REPLICAS: orders-0")).toContain(
      "min.insync.replicas",
    );
    expect(explainError(korean, "NOT_ENOUGH_REPLICAS", "")).toContain("ISR");
  });

  it("explains the exceptions the clients raise", () => {
    for (const name of [
      "TimeoutException",
      "ConfigError",
      "ConnectionError",
      "RequestTimeoutError",
      "BufferExhaustedException",
    ]) {
      expect(errorExplanationKey(name), name).not.toBeNull();
    }
  });

  it("falls back to the error's own words for a name it does not know", () => {
    expect(explainError(english, "SomethingNew", "SomethingNew: the disk is on fire")).toBe(
      "the disk is on fire",
    );
    expect(explainError(english, "SomethingNew", "")).toBe("SomethingNew");
    expect(errorExplanationKey("toString")).toBeNull();
  });

  it("strips the name KafkaProtocolError puts before the detail", () => {
    expect(
      errorDetail("TOPIC_ALREADY_EXISTS", 'TOPIC_ALREADY_EXISTS: topic "orders": exists'),
    ).toBe('topic "orders": exists');
    expect(errorDetail("TOPIC_ALREADY_EXISTS", "TOPIC_ALREADY_EXISTS")).toBe("");
  });

  it("names only errors Kafka has: every upper-case name is in Kafka's error table", () => {
    const codes = new Set<string>([...ERRORS.values()].map((error) => error.name));
    const names = Object.keys(en)
      .filter((key) => key.startsWith("kafkaError."))
      .map((key) => key.slice("kafkaError.".length))
      .filter((name) => /^[A-Z_]+$/.test(name));
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) expect(codes.has(name), name).toBe(true);
  });
});
