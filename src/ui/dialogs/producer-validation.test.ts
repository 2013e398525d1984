import { describe, expect, it } from "vitest";
import { defaultProducerSettings } from "../store/clients-slice.ts";
import {
  MAX_KEY_SET,
  parseKeySet,
  producerDraftOf,
  validateProducerDraft,
  type ProducerDraft,
} from "./producer-validation.ts";
import { issueFor } from "./validation.ts";

const draft = (patch: Partial<ProducerDraft> = {}): ProducerDraft => ({
  ...producerDraftOf(defaultProducerSettings("orders")),
  ...patch,
});

describe("validateProducerDraft", () => {
  it("keeps a producer of tombstones one", () => {
    const tombstones = { ...defaultProducerSettings("orders"), nullValue: true };
    expect(validateProducerDraft(producerDraftOf(tombstones)).value).toEqual(tombstones);
  });

  it("round-trips the default settings", () => {
    expect(validateProducerDraft(draft())).toEqual({
      issues: [],
      value: defaultProducerSettings("orders"),
    });
  });

  it("refuses enable.idempotence without acks=all, as Kafka's ConfigException does", () => {
    for (const acks of ["0", "1"] as const) {
      const checked = validateProducerDraft(draft({ acks }));
      expect(checked.value).toBeNull();
      expect(issueFor(checked.issues, "idempotence")).toMatchObject({
        severity: "error",
        key: "producerDialog.idempotenceNeedsAcksAll",
        kafkaName: "ConfigException",
      });
    }
    const off = validateProducerDraft(draft({ acks: "1", idempotence: false }));
    expect(off.value).toMatchObject({ acks: "1", idempotence: false });
  });

  it("bounds the rate to 0..5000 records/s, decimals allowed", () => {
    expect(validateProducerDraft(draft({ ratePerSec: "0.5" })).value?.ratePerSec).toBe(0.5);
    expect(validateProducerDraft(draft({ ratePerSec: "0" })).value?.ratePerSec).toBe(0);
    expect(
      issueFor(validateProducerDraft(draft({ ratePerSec: "5001" })).issues, "ratePerSec")?.key,
    ).toBe("validation.outOfRange");
    expect(
      issueFor(validateProducerDraft(draft({ ratePerSec: "-1" })).issues, "ratePerSec")?.key,
    ).toBe("validation.outOfRange");
    expect(
      issueFor(validateProducerDraft(draft({ ratePerSec: "fast" })).issues, "ratePerSec")?.key,
    ).toBe("validation.notNumber");
  });

  it("wants linger.ms and batch.size as whole numbers of 0 or more", () => {
    expect(validateProducerDraft(draft({ lingerMs: "0", batchSize: "0" })).value).toMatchObject({
      lingerMs: 0,
      batchSize: 0,
    });
    expect(
      issueFor(validateProducerDraft(draft({ lingerMs: "-1" })).issues, "lingerMs")?.kafkaName,
    ).toBe("ConfigException");
    expect(
      issueFor(validateProducerDraft(draft({ batchSize: "1.5" })).issues, "batchSize")?.key,
    ).toBe("validation.notWholeNumber");
  });

  it("needs a key set for random keys, and bounds it", () => {
    const empty = validateProducerDraft(draft({ keyMode: "random", keySet: " , ," }));
    expect(issueFor(empty.issues, "keySet")?.key).toBe("producerDialog.keySetEmpty");
    const many = Array.from({ length: MAX_KEY_SET + 1 }, (_, i) => `k${i}`).join(",");
    expect(
      issueFor(validateProducerDraft(draft({ keyMode: "random", keySet: many })).issues, "keySet")
        ?.key,
    ).toBe("producerDialog.keySetTooLarge");
    // An empty key set does not matter when the keys are not random.
    expect(validateProducerDraft(draft({ keyMode: "sequence", keySet: "" })).value?.keySet).toEqual(
      [],
    );
  });

  it("warns about round-robin with keys and about acks=0", () => {
    const roundRobin = validateProducerDraft(draft({ partitioner: "round-robin" }));
    expect(roundRobin.value).not.toBeNull();
    expect(issueFor(roundRobin.issues, "partitioner")?.key).toBe(
      "producerDialog.roundRobinIgnoresKeys",
    );
    expect(
      validateProducerDraft(draft({ partitioner: "round-robin", keyMode: "none" })).issues,
    ).toEqual([]);
    const acksZero = validateProducerDraft(draft({ acks: "0", idempotence: false }));
    expect(issueFor(acksZero.issues, "acks")).toMatchObject({
      severity: "warning",
      key: "producerDialog.acksZero",
    });
  });
});

describe("parseKeySet", () => {
  it("trims, drops blanks and keeps each key once, in order", () => {
    expect(parseKeySet(" alice, bob,,alice , carol ")).toEqual(["alice", "bob", "carol"]);
    expect(parseKeySet("")).toEqual([]);
  });
});
