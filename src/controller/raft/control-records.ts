/**
 * Raft's control records in the metadata log. A new leader's first batch is a control batch
 * (attribute bit 5) holding one LeaderChangeMessage record, as Kafka's
 * MemoryRecordsBuilder.appendLeaderChangeMessage writes it: the key is the control record
 * key (int16 version 0, int16 type 2 = LEADER_CHANGE), the value the message itself at
 * version 0, without a version prefix. Committing it is what lets the new leader advance
 * the high watermark (KIP-595).
 */
import {
  LeaderChangeMessageSpec,
  type LeaderChangeMessage,
} from "../../protocol/generated/messages/leader-change-message.ts";
import { encodeMessage } from "../../protocol/message-codec.ts";
import { ZERO_UUID } from "../../protocol/primitives/uuid.ts";
import { encodeRecordBatch } from "../../protocol/records/record-batch.ts";

/** Kafka's ControlRecordType ids. */
export const ControlRecordType = {
  ABORT: 0,
  COMMIT: 1,
  LEADER_CHANGE: 2,
  SNAPSHOT_HEADER: 3,
  SNAPSHOT_FOOTER: 4,
} as const;
const CONTROL_KEY_VERSION = 0;
/** ControlRecordUtils.LEADER_CHANGE_CURRENT_VERSION in Kafka 3.7. */
const LEADER_CHANGE_VERSION = 0;

export function controlRecordKey(type: number): Uint8Array {
  const key = new Uint8Array(4);
  const view = new DataView(key.buffer);
  view.setInt16(0, CONTROL_KEY_VERSION);
  view.setInt16(2, type);
  return key;
}

/** The type of a control record's key, or null when the key is not a control key. */
export function controlRecordTypeOf(key: Uint8Array | null): number | null {
  if (key === null || key.length < 4) return null;
  return new DataView(key.buffer, key.byteOffset, key.byteLength).getInt16(2);
}

export function leaderChangeBatch(options: {
  leaderId: number;
  voters: readonly number[];
  grantingVoters: readonly number[];
  epoch: number;
  nowMs: number;
}): Uint8Array {
  const message: LeaderChangeMessage = {
    version: LEADER_CHANGE_VERSION,
    leaderId: options.leaderId,
    voters: options.voters.map((voterId) => ({ voterId, voterDirectoryId: ZERO_UUID })),
    grantingVoters: options.grantingVoters.map((voterId) => ({
      voterId,
      voterDirectoryId: ZERO_UUID,
    })),
  };
  const encoded = encodeRecordBatch({
    records: [
      {
        key: controlRecordKey(ControlRecordType.LEADER_CHANGE),
        value: encodeMessage(LeaderChangeMessageSpec, message, LEADER_CHANGE_VERSION),
        timestamp: BigInt(options.nowMs),
      },
    ],
    isControl: true,
    partitionLeaderEpoch: options.epoch,
  });
  // Uncompressed encoding cannot fail: a failure here is a programmer error.
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

/** One batch of the values appended by the state machine (the controller's metadata records). */
export function dataBatch(values: readonly Uint8Array[], epoch: number, nowMs: number): Uint8Array {
  const timestamp = BigInt(nowMs);
  const encoded = encodeRecordBatch({
    records: values.map((value) => ({ value, timestamp })),
    partitionLeaderEpoch: epoch,
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}
