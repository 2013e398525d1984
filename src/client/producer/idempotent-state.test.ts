import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { IdempotentState } from "./idempotent-state.ts";
import { ProducerBatch, type RecordListener } from "./producer-batch.ts";

const route = { acks: -1 as const, timeoutMs: 30_000, compression: "none" as const };

function batchOf(records: number, partition = 0): ProducerBatch {
  const batch = new ProducerBatch("t", partition, route, 0, 1 << 20, 0, new Uint8Array(1 << 20));
  const listener: RecordListener = { recordsSettled: () => {} };
  for (let i = 0; i < records; i++) {
    batch.tryAppend(
      { key: null, value: new Uint8Array([i]), headers: [], timestampMs: 0 },
      listener,
    );
  }
  return batch;
}

function withProducerId(): IdempotentState {
  const state = new IdempotentState();
  state.setProducerIdAndEpoch(1000n, 0);
  return state;
}

describe("IdempotentState", () => {
  it("numbers batches per partition from 0 and waits for a producer id", () => {
    const state = new IdempotentState();
    const first = batchOf(3);
    expect(state.mustWait(first)).toBe(true);
    state.setProducerIdAndEpoch(1000n, 0);
    expect(state.mustWait(first)).toBe(false);
    state.assignSequence(first);
    const second = batchOf(2);
    state.assignSequence(second);
    const other = batchOf(1, 1);
    state.assignSequence(other);
    expect([first.baseSequence, second.baseSequence, other.baseSequence]).toEqual([0, 3, 0]);
    expect(first.producerId).toBe(1000n);
  });

  it("retries a batch whose predecessor is still on its way without bumping the epoch", () => {
    const state = withProducerId();
    const [a, b] = [batchOf(1), batchOf(1)];
    state.assignSequence(a);
    state.assignSequence(b);
    // b overtook a: the broker has not seen sequence 0 yet.
    expect(state.canRetry(b, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, 0n)).toBe(true);
    expect(state.housekeeping()).toBe(false);
    expect(b.producerEpoch).toBe(0);
    expect(b.baseSequence).toBe(1);
    // Retries go one at a time from the oldest unfinished batch: b waits for a.
    expect(state.mustWait(b)).toBe(true);
    expect(state.mustWait(a)).toBe(false);
  });

  it("bumps the epoch and renumbers from 0 on a real gap (KIP-360), new batches follow", () => {
    const state = withProducerId();
    const [a, b, c] = [batchOf(2), batchOf(2), batchOf(2)];
    for (const batch of [a, b, c]) state.assignSequence(batch);
    state.completed(a); // sequences 0-1 acknowledged
    // The broker lost the producer's state: b, right after the acknowledged a, is refused.
    expect(state.canRetry(b, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, 0n)).toBe(true);
    state.housekeeping();
    expect(state.producerEpoch).toBe(1);
    expect([b.producerEpoch, b.baseSequence, c.producerEpoch, c.baseSequence]).toEqual([
      1, 0, 1, 2,
    ]);
    expect(b.sequenceHasBeenReset).toBe(true);
    const d = batchOf(1);
    state.assignSequence(d);
    expect([d.producerEpoch, d.baseSequence]).toEqual([1, 4]);
  });

  it("fails a batch the broker refused after it took later ones, and bumps the epoch", () => {
    const state = withProducerId();
    const [a, b, c] = [batchOf(2), batchOf(2), batchOf(2)];
    for (const batch of [a, b, c]) state.assignSequence(batch);
    // a was refused (a leader not ready yet) while b and c got in as the partition's first writes.
    state.completed(b);
    state.completed(c);
    // Retried in the old epoch it would be refused forever; in a new one it would land
    // after c, out of send order: it fails instead.
    expect(state.canRetry(a, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, 0n)).toBe(false);
    state.failed(a, false);
    state.housekeeping();
    expect(state.producerEpoch).toBe(1);
    const d = batchOf(1);
    state.assignSequence(d);
    expect([d.producerEpoch, d.baseSequence]).toEqual([1, 0]);
  });

  it("moves other partitions to the new epoch only after their unfinished batches are done", () => {
    const state = withProducerId();
    const p0 = batchOf(1, 0);
    const p1 = batchOf(1, 1);
    state.assignSequence(p0);
    state.assignSequence(p1);
    state.canRetry(p0, ErrorCode.UNKNOWN_PRODUCER_ID, 0n);
    state.housekeeping();
    const next1 = batchOf(1, 1);
    expect(state.mustWait(next1)).toBe(true); // p1 still has an epoch-0 batch out
    state.completed(p1);
    expect(state.mustWait(next1)).toBe(false);
    state.assignSequence(next1);
    expect([next1.producerEpoch, next1.baseSequence]).toEqual([1, 0]);
  });

  it("holds new batches while an expired batch's fate is unknown, and resolves it from later acks", () => {
    const state = withProducerId();
    const [a, b] = [batchOf(1), batchOf(1)];
    state.assignSequence(a);
    state.assignSequence(b);
    state.failed(a, true); // expired after a send: maybe written
    const c = batchOf(1);
    expect(state.mustWait(c)).toBe(true);
    state.completed(b); // the broker took sequence 1, so it had 0 too
    state.housekeeping();
    expect(state.mustWait(c)).toBe(false);
    state.assignSequence(c);
    expect([c.producerEpoch, c.baseSequence]).toEqual([0, 2]);
  });

  it("starts over in a new epoch when the expired batch was the last and never acknowledged", () => {
    const state = withProducerId();
    const a = batchOf(1);
    state.assignSequence(a);
    state.failed(a, true);
    state.housekeeping();
    expect(state.producerEpoch).toBe(1);
    const b = batchOf(1);
    state.assignSequence(b);
    expect([b.producerEpoch, b.baseSequence]).toEqual([1, 0]);
  });

  it("asks for a new producer id when the epoch is exhausted", () => {
    const state = new IdempotentState();
    state.setProducerIdAndEpoch(7n, 32767);
    const a = batchOf(1);
    state.assignSequence(a);
    state.completed(a);
    const b = batchOf(1);
    state.assignSequence(b);
    state.canRetry(b, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, 0n);
    expect(state.housekeeping()).toBe(true);
    expect(state.hasProducerId).toBe(false);
  });
});
