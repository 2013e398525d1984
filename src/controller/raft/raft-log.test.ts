import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { LeaderChangeMessageSpec } from "../../protocol/generated/messages/leader-change-message.ts";
import { decodeMessage } from "../../protocol/message-codec.ts";
import { decodeRecordBatch } from "../../protocol/records/record-batch.ts";
import {
  ControlRecordType,
  controlRecordTypeOf,
  dataBatch,
  leaderChangeBatch,
} from "./control-records.ts";
import { RaftLog } from "./raft-log.ts";

const value = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A log holding batches of one record each, in the given epochs. */
async function logWithEpochs(epochs: number[]): Promise<RaftLog> {
  const log = await RaftLog.open(new MemoryFileSystem(), "broker-1/__cluster_metadata-0");
  for (const [index, epoch] of epochs.entries()) {
    const appended = await log.appendAsLeader(dataBatch([value(`r${index}`)], epoch, 0), epoch, 0);
    expect(appended.ok).toBe(true);
  }
  return log;
}

describe("RaftLog", () => {
  it("knows its last fetched epoch and where each epoch ended", async () => {
    const empty = await logWithEpochs([]);
    expect(empty.lastFetchedEpoch).toBe(0);
    // offsets 0-1 in epoch 1, 2 in epoch 3, 3-4 in epoch 4
    const log = await logWithEpochs([1, 1, 3, 4, 4]);
    expect(log.lastFetchedEpoch).toBe(4);
    expect(log.endOffsetForEpoch(1)).toEqual({ epoch: 1, offset: 2n });
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 1, offset: 2n });
    expect(log.endOffsetForEpoch(4)).toEqual({ epoch: 4, offset: 5n });
    // An epoch newer than any here: the log's end in its last epoch.
    expect(log.endOffsetForEpoch(9)).toEqual({ epoch: 4, offset: 5n });
  });

  it("accepts a follower whose last epoch matches, and names the divergence otherwise", async () => {
    const leader = await logWithEpochs([1, 1, 3, 4, 4]);
    expect(leader.validateFetchPosition(0n, 0)).toEqual({ kind: "valid" });
    expect(leader.validateFetchPosition(2n, 1)).toEqual({ kind: "valid" });
    expect(leader.validateFetchPosition(5n, 4)).toEqual({ kind: "valid" });
    // The follower wrote offsets 2.. in epoch 2, which this leader never had.
    expect(leader.validateFetchPosition(4n, 2)).toEqual({
      kind: "diverging",
      divergingEpoch: { epoch: 1, offset: 2n },
    });
    // It has more of epoch 1 than the leader did.
    expect(leader.validateFetchPosition(3n, 1)).toEqual({
      kind: "diverging",
      divergingEpoch: { epoch: 1, offset: 2n },
    });
    // Past the leader's end.
    expect(leader.validateFetchPosition(6n, 4)).toEqual({
      kind: "diverging",
      divergingEpoch: { epoch: 4, offset: 5n },
    });
  });

  it("a follower truncates to where the leader's epoch ended, or where its own history of it ends", async () => {
    const follower = await logWithEpochs([1, 1, 1, 2, 2]);
    expect(follower.truncationOffsetFor({ epoch: 1, offset: 2n })).toBe(2n);
    expect(follower.truncationOffsetFor({ epoch: 1, offset: 7n })).toBe(3n);
    // The follower never saw epoch 3: it keeps what it has up to the end of its epoch 2.
    const other = await logWithEpochs([1, 2, 2]);
    expect(other.truncationOffsetFor({ epoch: 3, offset: 2n })).toBe(3n);
    const truncated = await follower.truncateTo(
      follower.truncationOffsetFor({ epoch: 1, offset: 2n }),
    );
    expect(truncated.ok).toBe(true);
    expect(follower.endOffset).toBe(2n);
    expect(follower.lastFetchedEpoch).toBe(1);
  });

  it("a leader's LeaderChangeMessage is a control batch in its epoch", async () => {
    const log = await logWithEpochs([]);
    const appended = await log.appendAsLeader(
      leaderChangeBatch({
        leaderId: 2,
        voters: [1, 2, 3],
        grantingVoters: [2, 3],
        epoch: 5,
        nowMs: 1000,
      }),
      5,
      1000,
    );
    expect(appended.ok).toBe(true);
    expect(log.lastFetchedEpoch).toBe(5);
    const read = log.read(0n, 1 << 20);
    if (!read.ok) throw new Error(read.message);
    const batch = decodeRecordBatch(read.records);
    if (!batch.ok) throw batch.error;
    expect(batch.value.header.isControl).toBe(true);
    expect(batch.value.header.partitionLeaderEpoch).toBe(5);
    const record = batch.value.records[0]!;
    expect(controlRecordTypeOf(record.key)).toBe(ControlRecordType.LEADER_CHANGE);
    const message = decodeMessage(LeaderChangeMessageSpec, record.value!, 0);
    if (!message.ok) throw message.error;
    expect(message.value.leaderId).toBe(2);
    expect(message.value.voters.map((voter) => voter.voterId)).toEqual([1, 2, 3]);
    expect(message.value.grantingVoters.map((voter) => voter.voterId)).toEqual([2, 3]);
  });
});
