import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { incrementSequence } from "../../protocol/records/batch-header.ts";
import { decrementSequence, ProducerStateEntry } from "./producer-state-entry.ts";
import { checkBatch, isNextSequence, type BatchIdentity } from "./sequence-check.ts";

const PRODUCER = 1000n;
const INT32_MAX = 0x7fffffff;

function batch(
  producerEpoch: number,
  baseSequence: number,
  records = 2,
  isTransactional = false,
): BatchIdentity {
  return {
    producerId: PRODUCER,
    producerEpoch,
    baseSequence,
    lastSequence: incrementSequence(baseSequence, records - 1),
    isTransactional,
  };
}

/** A producer that wrote `count` batches of 2 records from sequence `from`, at offsets 100, 102, ... */
function producerWith(epoch: number, count: number, from = 0): ProducerStateEntry {
  const entry = new ProducerStateEntry(PRODUCER);
  for (let i = 0; i < count; i++) {
    const firstSequence = incrementSequence(from, 2 * i);
    entry.addBatch(epoch, {
      firstSequence,
      lastSequence: incrementSequence(firstSequence, 1),
      firstOffset: 100n + BigInt(2 * i),
      lastOffset: 101n + BigInt(2 * i),
      timestampMs: 5000n + BigInt(i),
    });
  }
  return entry;
}

function errorCodeOf(result: ReturnType<typeof checkBatch>): number | null {
  return result.kind === "error" ? result.errorCode : null;
}

describe("checking a client's batch against its producer's state", () => {
  it("always appends a batch without a producer id, untracked", () => {
    const plain: BatchIdentity = {
      producerId: -1n,
      producerEpoch: -1,
      baseSequence: -1,
      lastSequence: -1,
      isTransactional: false,
    };
    expect(checkBatch(undefined, plain)).toEqual({ kind: "append" });
    expect(checkBatch(producerWith(0, 3), plain)).toEqual({ kind: "append" });
  });

  it("accepts an unknown producer at any sequence (KIP-360: no UNKNOWN_PRODUCER_ID)", () => {
    expect(checkBatch(undefined, batch(0, 0))).toEqual({ kind: "append" });
    expect(checkBatch(undefined, batch(3, 42))).toEqual({ kind: "append" });
  });

  it("appends the next sequence and refuses a gap or a step back with OUT_OF_ORDER_SEQUENCE_NUMBER", () => {
    const entry = producerWith(0, 3); // sequences 0-5
    expect(checkBatch(entry, batch(0, 6))).toEqual({ kind: "append" });
    expect(errorCodeOf(checkBatch(entry, batch(0, 7)))).toBe(
      ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    );
    expect(errorCodeOf(checkBatch(entry, batch(0, 5, 1)))).toBe(
      ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    );
  });

  it("answers a retry of any of the last 5 batches with its original offsets", () => {
    const entry = producerWith(0, 7); // 7 batches: only the last 5 (sequences 4-13) are kept
    expect(entry.batchCount).toBe(5);
    for (let i = 2; i < 7; i++) {
      expect(checkBatch(entry, batch(0, 2 * i))).toEqual({
        kind: "duplicate",
        firstOffset: 100n + BigInt(2 * i),
        lastOffset: 101n + BigInt(2 * i),
        timestampMs: 5000n + BigInt(i),
      });
    }
    // Older than the last 5: not recognized, and out of sequence.
    expect(errorCodeOf(checkBatch(entry, batch(0, 2)))).toBe(
      ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    );
  });

  it("counts as a duplicate only the exact epoch and sequence range", () => {
    const entry = producerWith(1, 2); // sequences 0-3 in epoch 1
    expect(checkBatch(entry, batch(1, 2, 1)).kind).toBe("error"); // same start, other end
    expect(errorCodeOf(checkBatch(entry, batch(0, 2)))).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    expect(checkBatch(entry, batch(1, 2)).kind).toBe("duplicate");
  });

  it("fences an older epoch with INVALID_PRODUCER_EPOCH", () => {
    const entry = producerWith(5, 1);
    expect(errorCodeOf(checkBatch(entry, batch(4, 2)))).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    expect(errorCodeOf(checkBatch(entry, batch(4, 0)))).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
  });

  it("requires a newer epoch to start at sequence 0", () => {
    const entry = producerWith(5, 2);
    expect(checkBatch(entry, batch(6, 0))).toEqual({ kind: "append" });
    expect(errorCodeOf(checkBatch(entry, batch(6, 4)))).toBe(
      ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    );
  });

  it("wraps sequences from Int32.MAX to 0", () => {
    expect(isNextSequence(INT32_MAX, 0)).toBe(true);
    expect(isNextSequence(INT32_MAX, 1)).toBe(false);
    const entry = producerWith(0, 1, INT32_MAX - 1); // sequences MAX-1, MAX
    expect(entry.lastSequence).toBe(INT32_MAX);
    expect(checkBatch(entry, batch(0, 0))).toEqual({ kind: "append" });
    expect(errorCodeOf(checkBatch(entry, batch(0, 1)))).toBe(
      ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    );
    // A batch that itself wraps is recognized as a retry by its wrapped range.
    const wrapped = producerWith(0, 1, INT32_MAX); // sequences MAX, 0
    expect(wrapped.lastSequence).toBe(0);
    expect(checkBatch(wrapped, batch(0, INT32_MAX)).kind).toBe("duplicate");
    expect(decrementSequence(0, 1)).toBe(INT32_MAX);
    expect(decrementSequence(7, 3)).toBe(4);
  });

  it("refuses a producer id without a sequence with INVALID_RECORD", () => {
    expect(
      errorCodeOf(checkBatch(undefined, { ...batch(0, 0), baseSequence: -1, lastSequence: -1 })),
    ).toBe(ErrorCode.INVALID_RECORD);
  });

  it("refuses a plain batch while the producer's transaction is open with INVALID_TXN_STATE", () => {
    const entry = producerWith(0, 1);
    entry.currentTxnFirstOffset = 100n;
    expect(errorCodeOf(checkBatch(entry, batch(0, 2)))).toBe(ErrorCode.INVALID_TXN_STATE);
    expect(checkBatch(entry, batch(0, 2, 2, true))).toEqual({ kind: "append" });
  });

  it("expects sequence 0 from a known producer whose epoch holds no batch yet", () => {
    const entry = new ProducerStateEntry(PRODUCER, 3); // e.g. only a transaction marker was seen
    expect(checkBatch(entry, batch(3, 0))).toEqual({ kind: "append" });
    expect(errorCodeOf(checkBatch(entry, batch(3, 8)))).toBe(
      ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    );
  });
});
