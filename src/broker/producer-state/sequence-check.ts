/**
 * The leader's check of a client's batch against what the partition knows of its producer,
 * in Kafka's order (UnifiedLog.analyzeAndValidateProducerState, then ProducerAppendInfo):
 *
 * 1. A batch equal to one of the producer's last 5 (same epoch and sequence range) is a
 *    retry of a batch already written: answer its original offsets, append nothing.
 * 2. An epoch older than the producer's is a zombie: INVALID_PRODUCER_EPOCH (Kafka 2.7+
 *    sends this instead of the fatal PRODUCER_FENCED, so the producer can abort and retry).
 * 3. A newer epoch must start at sequence 0. A producer the partition does not know (its
 *    state expired, or its records were deleted) may start at any sequence: since KIP-360
 *    (Kafka 2.5) the broker accepts it rather than answering UNKNOWN_PRODUCER_ID.
 * 4. In the same epoch the batch must continue the last sequence by one (2^31-1 wraps to
 *    0), else OUT_OF_ORDER_SEQUENCE_NUMBER.
 * 5. A plain batch while the producer's transaction is open: INVALID_TXN_STATE.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { NO_PRODUCER_EPOCH, NO_PRODUCER_ID } from "../../protocol/records/batch-layout.ts";
import type { ProducerStateEntry } from "./producer-state-entry.ts";

/** The producer fields of a batch header (readRecordBatchHeader gives all of them). */
export interface BatchIdentity {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  /** baseSequence + lastOffsetDelta, wrapped: the header's lastSequence. */
  lastSequence: number;
  isTransactional: boolean;
}

export type SequenceCheck =
  | { kind: "append" }
  | { kind: "duplicate"; firstOffset: bigint; lastOffset: bigint; timestampMs: bigint }
  | { kind: "error"; errorCode: number; message: string };

const APPEND: SequenceCheck = { kind: "append" };

/** Kafka's ProducerAppendInfo.inSequence. */
export function isNextSequence(lastSequence: number, nextSequence: number): boolean {
  return nextSequence === lastSequence + 1 || (nextSequence === 0 && lastSequence === 0x7fffffff);
}

function failure(errorCode: number, message: string): SequenceCheck {
  return { kind: "error", errorCode, message };
}

/** `entry` is the producer's state, or undefined when the partition does not know it. */
export function checkBatch(
  entry: ProducerStateEntry | undefined,
  batch: BatchIdentity,
): SequenceCheck {
  const { producerId, producerEpoch, baseSequence } = batch;
  if (producerId === NO_PRODUCER_ID) return APPEND;
  if (baseSequence < 0) {
    // LogValidator: a batch with a producer id must carry a sequence.
    return failure(
      ErrorCode.INVALID_RECORD,
      `invalid sequence number ${baseSequence} in a batch of producer ${producerId}`,
    );
  }
  const duplicate = entry?.findDuplicate(producerEpoch, baseSequence, batch.lastSequence) ?? null;
  if (duplicate !== null) {
    return {
      kind: "duplicate",
      firstOffset: duplicate.firstOffset,
      lastOffset: duplicate.lastOffset,
      timestampMs: duplicate.timestampMs,
    };
  }
  const currentEpoch = entry?.producerEpoch ?? NO_PRODUCER_EPOCH;
  if (producerEpoch < currentEpoch) {
    return failure(
      ErrorCode.INVALID_PRODUCER_EPOCH,
      `epoch ${producerEpoch} of producer ${producerId} is older than its last seen epoch ${currentEpoch}`,
    );
  }
  if (producerEpoch !== currentEpoch) {
    if (baseSequence !== 0 && currentEpoch !== NO_PRODUCER_EPOCH) {
      return failure(
        ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        `new epoch ${producerEpoch} of producer ${producerId} must start at sequence 0, not ${baseSequence} (current epoch ${currentEpoch})`,
      );
    }
  } else if (
    entry !== undefined &&
    currentEpoch !== NO_PRODUCER_EPOCH &&
    !isNextSequence(entry.lastSequence, baseSequence)
  ) {
    return failure(
      ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
      `out of order sequence number for producer ${producerId}: ${baseSequence} (incoming), ${entry.lastSequence} (last written)`,
    );
  }
  if (entry !== undefined && entry.currentTxnFirstOffset !== null && !batch.isTransactional) {
    return failure(
      ErrorCode.INVALID_TXN_STATE,
      `producer ${producerId} sent a non-transactional batch while its transaction from offset ${entry.currentTxnFirstOffset} is open`,
    );
  }
  return APPEND;
}
