/**
 * What bench/physical/postmessage-transfer.ts tells its two peer workers, and what they
 * tell it and each other. The data plane is a MessageChannel between the peers; the
 * orchestrating worker only starts them and hears the sender's result.
 */

export interface TransferPlan {
  /** Bytes per message: 16 KiB, the size of a full batch.size=16384 Produce frame. */
  chunkBytes: number;
  /** Sent first and not timed (JIT, first allocations). */
  warmupMessages: number;
  /** Timed, from the first of them sent to the receiver's acknowledgement of the last. */
  messages: number;
  /** At most this many sent and not yet acknowledged: bounds the channel's queue. */
  windowMessages: number;
  /** The receiver acknowledges every this many messages. */
  ackEvery: number;
}

/** To a peer: its role and its end of the channel (transferred). */
export type PeerStart =
  | { role: "sender"; port: MessagePort; plan: TransferPlan }
  | { role: "receiver"; port: MessagePort; plan: TransferPlan };

/** Receiver to sender, over the channel: every message up to this count has arrived. */
export interface TransferAck {
  received: number;
}

/** Sender to the orchestrator, when the last timed message was acknowledged. */
export interface TransferDone {
  messages: number;
  bytes: number;
  seconds: number;
}
