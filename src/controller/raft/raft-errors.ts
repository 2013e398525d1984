/** What `RaftNode.append` rejects with: not the leader (with whom to ask instead), or the append failed. */
export class NotLeaderError extends Error {
  override readonly name = "NotLeaderError";
  constructor(
    /** The leader this node knows, or -1. */
    readonly leaderId: number,
    readonly epoch: number,
  ) {
    super(`not the leader of epoch ${epoch}${leaderId >= 0 ? `: the leader is ${leaderId}` : ""}`);
  }
}

export class RaftAppendError extends Error {
  override readonly name = "RaftAppendError";
  constructor(
    /** The Kafka error code that describes the failure (e.g. KAFKA_STORAGE_ERROR, RECORD_LIST_TOO_LARGE). */
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}
