/**
 * The state one Raft node's parts share: its log, its election state, the requests it has
 * out, the fetches it holds, its high watermark and its listeners. The protocol itself
 * lives in the modules beside this one (elections, vote, quorum epochs, fetch on either
 * side, the tick); each is a set of functions over a RaftCore, run as tasks in its queue.
 */
import type { Clock } from "../../client/clock.ts";
import type { NodeRequester } from "../../client/node-requester.ts";
import type { TelemetrySink } from "../../telemetry/telemetry-event.ts";
import { CommitDelivery } from "./commit-delivery.ts";
import { FetchPurgatory } from "./fetch-purgatory.ts";
import type { LeaderState } from "./leader-state.ts";
import { NO_NODE } from "./metadata-partition.ts";
import { PeerRequests } from "./peer-requests.ts";
import type { EpochState, QuorumState, Role } from "./quorum-state.ts";
import type { RaftConfig } from "./raft-config.ts";
import type { RaftLog } from "./raft-log.ts";
import { TaskQueue } from "./task-queue.ts";

export type RaftRole = Role | "observer";

export interface RaftCoreOptions {
  nodeId: number;
  voters: readonly number[];
  clusterId: string;
  clock: Clock;
  random: () => number;
  config: RaftConfig;
  telemetry: TelemetrySink;
  requester: NodeRequester;
}

export type LeaderListener = (leaderId: number, epoch: number) => void;

export class RaftCore {
  readonly purgatory = new FetchPurgatory();
  readonly commits: CommitDelivery;
  readonly peers: PeerRequests;
  readonly tasks = new TaskQueue();
  /** -1 until known: after a restart, until the leader says (or, leading, until this epoch commits). */
  highWatermark = -1n;
  /** Set by resign() or close(): no more elections or fetches. */
  stopped = false;
  /** Set by close(): the log is closed, requests get errors. */
  closed = false;
  private quorumState: QuorumState | null = null;
  private raftLog: RaftLog | null = null;
  private readonly leaderListeners: LeaderListener[] = [];
  private announced = { role: "", epoch: -1, leaderId: NO_NODE - 1 };

  constructor(readonly options: RaftCoreOptions) {
    this.commits = new CommitDelivery((error) => this.report("commit listener", error));
    this.peers = new PeerRequests(options.requester, options.config.requestTimeoutMs);
  }

  attach(log: RaftLog, quorum: QuorumState): void {
    this.raftLog = log;
    this.quorumState = quorum;
    this.announce();
  }

  get nodeId(): number {
    return this.options.nodeId;
  }

  get config(): RaftConfig {
    return this.options.config;
  }

  get quorum(): QuorumState {
    if (this.quorumState === null) throw new Error("the raft node is not open");
    return this.quorumState;
  }

  get log(): RaftLog {
    if (this.raftLog === null) throw new Error("the raft node is not open");
    return this.raftLog;
  }

  now(): number {
    return this.options.clock.nowMs();
  }

  isVoter(nodeId: number): boolean {
    return this.options.voters.includes(nodeId);
  }

  get role(): RaftRole {
    return this.isVoter(this.nodeId) ? this.quorum.state.role : "observer";
  }

  /** The leader's bookkeeping, while this node leads. */
  get leaderState(): LeaderState | null {
    const state = this.quorum.state;
    return state.role === "leader" ? state.leader : null;
  }

  /** QuorumState calls this after every transition. */
  onTransition(previous: EpochState): void {
    // Fetches held by a leader that no longer leads are answered now, with the new state.
    if (previous.role === "leader") this.purgatory.completeAll();
    this.announce();
  }

  /**
   * Kafka's maybeTransition: a message revealed a newer epoch (follow its leader, or wait
   * unattached if none is known yet), or the leader of the current one.
   */
  async maybeTransition(leaderId: number, epoch: number): Promise<void> {
    const quorum = this.quorum;
    const knownLeader = leaderId >= 0 && leaderId !== this.nodeId ? leaderId : NO_NODE;
    if (epoch > quorum.epoch) {
      if (knownLeader !== NO_NODE) await quorum.transitionToFollower(epoch, knownLeader);
      else await quorum.transitionToUnattached(epoch);
    } else if (epoch === quorum.epoch && knownLeader !== NO_NODE && !quorum.hasLeader) {
      await quorum.transitionToFollower(epoch, knownLeader);
    }
  }

  /** Commit up to `offset` (never backwards) and hand the new records to the listeners. */
  advanceHighWatermark(offset: bigint): void {
    if (offset <= this.highWatermark) return;
    this.highWatermark = offset;
    this.commits.deliver(this.log, offset);
  }

  /** The leader appended or a replica caught up: commit what a majority has, wake held fetches. */
  afterLeaderProgress(highWatermarkMoved: boolean): void {
    const leader = this.leaderState;
    if (highWatermarkMoved && leader?.highWatermark != null)
      this.advanceHighWatermark(leader.highWatermark);
    this.purgatory.completeAll();
  }

  addLeaderListener(listener: LeaderListener): void {
    this.leaderListeners.push(listener);
    // As Kafka's RaftClient.register: a new listener learns the current leader at once.
    if (this.quorumState !== null && this.quorum.epoch > 0)
      this.callLeaderListener(listener, this.quorum.leaderId, this.quorum.epoch);
  }

  private announce(): void {
    const role = this.role;
    const epoch = this.quorum.epoch;
    const leaderId = this.quorum.leaderId;
    const previous = this.announced;
    if (previous.role === role && previous.epoch === epoch && previous.leaderId === leaderId)
      return;
    this.announced = { role, epoch, leaderId };
    this.options.telemetry.emit({
      kind: "raft",
      node: this.nodeId,
      role,
      epoch,
      leader: leaderId,
      highWatermark: this.highWatermark,
    });
    if (previous.epoch !== epoch || previous.leaderId !== leaderId) {
      for (const listener of this.leaderListeners)
        this.callLeaderListener(listener, leaderId, epoch);
    }
  }

  private callLeaderListener(listener: LeaderListener, leaderId: number, epoch: number): void {
    try {
      listener(leaderId, epoch);
    } catch (error) {
      this.report("leader listener", error);
    }
  }

  report(where: string, error: unknown, errorCode?: number): void {
    const message = error instanceof Error ? error.message : String(error);
    this.options.telemetry.emit({
      kind: "error",
      node: this.nodeId,
      where: `raft: ${where}`,
      message,
      ...(errorCode === undefined ? {} : { errorCode }),
    });
  }

  /** Run `task` in turn, unless the node has closed by then; failures are reported, not thrown. */
  runDetached(where: string, task: () => Promise<void> | void): Promise<void> {
    return this.tasks
      .run(async () => {
        if (!this.closed) await task();
      })
      .catch((error: unknown) => this.report(where, error));
  }
}
