/**
 * One node's member of the KRaft quorum (KIP-595, as Kafka 3.7's KafkaRaftClient): it
 * replicates `__cluster_metadata-0`. Voters (controller.quorum.voters) elect a leader among
 * themselves; every other node is an observer that only fetches. Sans-IO: time comes from
 * the clock, randomness from `random`, requests go out through the node's requester, and
 * the node calls `tick()` about every 10 ms and serves `handlers` on its CONTROLLER
 * listener. Same inputs, same behaviour.
 */
import { type Handler } from "../../server/handler.ts";
import type { Clock } from "../../client/clock.ts";
import type { NodeRequester } from "../../client/node-requester.ts";
import type { FileSystem } from "../../log/fs/file-system.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { DISCARD_TELEMETRY, type TelemetrySink } from "../../telemetry/telemetry-event.ts";
import type { CommitListener } from "./commit-delivery.ts";
import { dataBatch } from "./control-records.ts";
import { sendEndQuorumEpochs } from "./quorum-epochs.ts";
import { QuorumState } from "./quorum-state.ts";
import { QuorumStateFile } from "./quorum-state-file.ts";
import {
  MAX_BATCH_BYTES,
  MAX_PENDING_APPENDS,
  raftConfigWith,
  type RaftConfig,
} from "./raft-config.ts";
import { RaftCore, type LeaderListener, type RaftRole } from "./raft-core.ts";
import { NotLeaderError, RaftAppendError } from "./raft-errors.ts";
import { createRaftHandlers } from "./raft-handlers.ts";
import { RaftLog } from "./raft-log.ts";
import { poll } from "./raft-poll.ts";

export type { RaftConfig } from "./raft-config.ts";
export type { CommittedRecord } from "./commit-delivery.ts";
export type { RaftRole } from "./raft-core.ts";
export { NotLeaderError, RaftAppendError } from "./raft-errors.ts";

export interface RaftNodeOptions {
  nodeId: number;
  /** controller.quorum.voters, by node id. */
  voters: number[];
  clusterId: string;
  fs: FileSystem;
  /** The metadata log's directory, e.g. "broker-1/__cluster_metadata-0"; quorum-state lives in it. */
  directory: string;
  /** Sends to other nodes' CONTROLLER listener; the node expires its timeouts. */
  requester: NodeRequester;
  clock: Clock;
  /** Uniform in [0, 1): election timeouts and backoffs. */
  random: () => number;
  config?: Partial<RaftConfig>;
  telemetry?: TelemetrySink;
}

function checkOptions(options: RaftNodeOptions): void {
  const ids = [options.nodeId, ...options.voters];
  if (!ids.every((id) => Number.isInteger(id) && id >= 0))
    throw new RangeError("node ids must be non-negative integers");
  if (options.voters.length === 0) throw new RangeError("a quorum needs at least one voter");
  if (new Set(options.voters).size !== options.voters.length)
    throw new RangeError("controller.quorum.voters lists a node twice");
}

export class RaftNode {
  readonly handlers: Handler<never, unknown>[];
  private tickQueued = false;

  private constructor(private readonly core: RaftCore) {
    this.handlers = createRaftHandlers(core);
  }

  static async open(options: RaftNodeOptions): Promise<RaftNode> {
    checkOptions(options);
    const config = raftConfigWith(options.config);
    const voters = [...options.voters];
    const core = new RaftCore({
      nodeId: options.nodeId,
      voters,
      clusterId: options.clusterId,
      clock: options.clock,
      random: options.random,
      config,
      telemetry: options.telemetry ?? DISCARD_TELEMETRY,
      requester: options.requester,
    });
    const log = await RaftLog.open(options.fs, options.directory);
    const quorum = await QuorumState.load(
      {
        store: new QuorumStateFile(options.fs, options.directory),
        localId: options.nodeId,
        voters,
        clock: options.clock,
        random: options.random,
        config,
        onTransition: (previous) => core.onTransition(previous),
      },
      log.lastFetchedEpoch,
    );
    core.attach(log, quorum);
    return new RaftNode(core);
  }

  get role(): RaftRole {
    return this.core.role;
  }

  get epoch(): number {
    return this.core.quorum.epoch;
  }

  /** -1 when no leader is known. */
  get leaderId(): number {
    return this.core.quorum.leaderId;
  }

  /** -1 until known (after a restart, until the leader tells it or this node commits its own epoch). */
  get highWatermark(): bigint {
    return this.core.highWatermark;
  }

  get logEndOffset(): bigint {
    return this.core.log.endOffset;
  }

  /** Elections, fetches, long-poll expiry, check-quorum: call about every 10 ms. */
  tick(): void {
    if (this.tickQueued || this.core.closed) return;
    this.tickQueued = true;
    void this.core.runDetached("tick", () => {
      this.tickQueued = false;
      return poll(this.core);
    });
  }

  /**
   * Leader only: append one batch of `values` in the current epoch. Resolves with the
   * offset of its last record once it is in the local log (committed later, when the high
   * watermark passes it). Rejects with NotLeaderError on any other node.
   */
  append(values: Uint8Array[]): Promise<bigint> {
    if (values.length === 0)
      return Promise.reject(new RangeError("append needs at least one record"));
    const core = this.core;
    if (core.tasks.length >= MAX_PENDING_APPENDS) {
      return Promise.reject(
        new RaftAppendError(
          ErrorCode.UNKNOWN_SERVER_ERROR,
          `more than ${MAX_PENDING_APPENDS} operations are waiting: try again later`,
        ),
      );
    }
    return core.tasks.run(async () => {
      const leader = core.closed || core.stopped ? null : core.leaderState;
      if (leader === null)
        throw new NotLeaderError(
          core.closed ? -1 : core.quorum.leaderId,
          core.closed ? -1 : core.quorum.epoch,
        );
      const batch = dataBatch(values, leader.epoch, core.now());
      if (batch.length > MAX_BATCH_BYTES) {
        throw new RaftAppendError(
          ErrorCode.RECORD_LIST_TOO_LARGE,
          `a batch of ${batch.length} bytes is over the ${MAX_BATCH_BYTES}-byte limit`,
        );
      }
      const appended = await core.log.appendAsLeader(batch, leader.epoch, core.now());
      if (!appended.ok) throw new RaftAppendError(appended.errorCode, appended.message);
      core.afterLeaderProgress(leader.updateLocalEndOffset(core.log.endOffset, core.now()));
      return appended.lastOffset;
    });
  }

  /** Every committed non-control record, once, in offset order, a batch per call; replayed from the start after a restart. */
  onCommit(listener: (records: { offset: bigint; value: Uint8Array }[]) => void): void {
    const core = this.core;
    core.commits.add(listener as CommitListener);
    // Catch a late listener up with what is committed already.
    void core.runDetached("commit listener", () => {
      if (core.highWatermark >= 0n) core.commits.deliver(core.log, core.highWatermark);
    });
  }

  /** Called with the current leader and epoch at once, then on every change (-1: no leader known). */
  onLeaderChange(listener: (leaderId: number, epoch: number) => void): void {
    this.core.addLeaderListener(listener as LeaderListener);
  }

  /**
   * Graceful stop: a leader resigns and sends EndQuorumEpoch to the voters (so they elect a
   * successor without waiting out the fetch timeout), and resolves once each has answered
   * or failed. Any node stops standing for election and fetching.
   */
  async resign(): Promise<void> {
    const core = this.core;
    const sent = await core.tasks.run(async () => {
      if (core.closed) return [];
      core.stopped = true;
      const leader = core.leaderState;
      if (leader === null) return [];
      await core.quorum.transitionToResigned(leader.nonLeaderVotersByDescendingEndOffset());
      const state = core.quorum.state;
      return state.role === "resigned" ? sendEndQuorumEpochs(core, state) : [];
    });
    await Promise.all(sent);
  }

  /** Answer held fetches, stop, and close the log. */
  async close(): Promise<void> {
    const core = this.core;
    await core.tasks.run(async () => {
      if (core.closed) return;
      core.stopped = true;
      core.purgatory.completeAll();
      core.closed = true;
      await core.log.close();
    });
  }
}
