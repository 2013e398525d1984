/**
 * The election state machine of one node (Kafka's QuorumState): which epoch it is in and
 * what it is in that epoch — unattached, voted, candidate, leader, follower or resigned.
 * Every transition that changes the epoch, a vote or the known leader is written to the
 * quorum-state file before it takes effect, so nothing is answered or sent on a state a
 * crash could forget. Illegal transitions are programmer errors and throw.
 */
import type { Clock } from "../../client/clock.ts";
import { LeaderState } from "./leader-state.ts";
import { NO_NODE } from "./metadata-partition.ts";
import type { QuorumStateFile } from "./quorum-state-file.ts";
import type { RaftConfig } from "./raft-config.ts";

export type EpochState =
  | { role: "unattached"; epoch: number; electionDeadlineMs: number }
  | { role: "voted"; epoch: number; votedId: number; electionDeadlineMs: number }
  | {
      role: "candidate";
      epoch: number;
      granted: Set<number>;
      rejected: Set<number>;
      electionDeadlineMs: number;
      /** Set once the election failed: a new one starts when it passes. */
      backoffUntilMs: number | null;
      /** Elections lost in a row, for the exponential backoff. */
      retries: number;
    }
  | { role: "follower"; epoch: number; leaderId: number; fetchDeadlineMs: number }
  | { role: "leader"; epoch: number; leader: LeaderState }
  | {
      role: "resigned";
      epoch: number;
      electionDeadlineMs: number;
      successors: number[];
      unacknowledged: Set<number>;
    };

export type Role = EpochState["role"];

export interface QuorumStateOptions {
  store: QuorumStateFile;
  localId: number;
  voters: readonly number[];
  clock: Clock;
  random: () => number;
  config: RaftConfig;
  /** Called after every transition. */
  onTransition: (previous: EpochState) => void;
}

export class QuorumState {
  private current: EpochState;
  /** Bumped on every transition: answers to requests sent in an older state are stale. */
  private generationCount = 0;

  private constructor(private readonly options: QuorumStateOptions) {
    this.current = { role: "unattached", epoch: 0, electionDeadlineMs: this.electionDeadline() };
  }

  /** The state a node restarts in, from its quorum-state file and its log (Kafka's QuorumState.initialize). */
  static async load(options: QuorumStateOptions, logLastEpoch: number): Promise<QuorumState> {
    const quorum = new QuorumState(options);
    const stored = await options.store.read();
    const localId = options.localId;
    if (stored === null || stored.leaderEpoch < logLastEpoch) {
      // No state, or the log is ahead of it: start unattached in the newest epoch seen.
      const epoch = Math.max(stored?.leaderEpoch ?? 0, logLastEpoch);
      quorum.current = { role: "unattached", epoch, electionDeadlineMs: quorum.electionDeadline() };
      await quorum.persist();
      return quorum;
    }
    const epoch = stored.leaderEpoch;
    if (stored.leaderId === localId) {
      // A leader that restarts must not lead the same epoch again: its unflushed appends may be gone.
      quorum.current = {
        role: "resigned",
        epoch,
        electionDeadlineMs: quorum.electionDeadline(),
        successors: [],
        unacknowledged: new Set(quorum.otherVoters()),
      };
    } else if (stored.votedId === localId && quorum.isVoter(localId)) {
      quorum.current = {
        role: "candidate",
        epoch,
        granted: new Set([localId]),
        rejected: new Set(),
        electionDeadlineMs: quorum.electionDeadline(),
        backoffUntilMs: null,
        retries: 1,
      };
    } else if (stored.votedId !== NO_NODE) {
      quorum.current = {
        role: "voted",
        epoch,
        votedId: stored.votedId,
        electionDeadlineMs: quorum.electionDeadline(),
      };
    } else if (stored.leaderId !== NO_NODE && quorum.isVoter(stored.leaderId)) {
      quorum.current = {
        role: "follower",
        epoch,
        leaderId: stored.leaderId,
        fetchDeadlineMs: quorum.now() + options.config.fetchTimeoutMs,
      };
    } else {
      quorum.current = { role: "unattached", epoch, electionDeadlineMs: quorum.electionDeadline() };
    }
    return quorum;
  }

  get state(): EpochState {
    return this.current;
  }

  get generation(): number {
    return this.generationCount;
  }

  get epoch(): number {
    return this.current.epoch;
  }

  get localId(): number {
    return this.options.localId;
  }

  get voters(): readonly number[] {
    return this.options.voters;
  }

  get majority(): number {
    return Math.floor(this.options.voters.length / 2) + 1;
  }

  /** The leader of the current epoch as far as this node knows (a resigned leader still names itself). */
  get leaderId(): number {
    switch (this.current.role) {
      case "leader":
      case "resigned":
        return this.options.localId;
      case "follower":
        return this.current.leaderId;
      default:
        return NO_NODE;
    }
  }

  get hasLeader(): boolean {
    return this.leaderId !== NO_NODE;
  }

  get votedId(): number {
    switch (this.current.role) {
      case "voted":
        return this.current.votedId;
      case "candidate":
        return this.options.localId;
      default:
        return NO_NODE;
    }
  }

  isVoter(nodeId: number = this.options.localId): boolean {
    return this.options.voters.includes(nodeId);
  }

  otherVoters(): number[] {
    return this.options.voters.filter((voter) => voter !== this.options.localId);
  }

  private now(): number {
    return this.options.clock.nowMs();
  }

  /** A fresh randomized election deadline: now + [T, 2T). */
  electionDeadline(): number {
    const timeout = this.options.config.electionTimeoutMs;
    return this.now() + timeout + Math.floor(this.options.random() * timeout);
  }

  /**
   * Whether this node may vote for `candidateId` in the current epoch: one vote per epoch,
   * and only for a candidate whose log is at least as up to date (`logIsUpToDate`).
   */
  canGrantVote(candidateId: number, logIsUpToDate: boolean): boolean {
    switch (this.current.role) {
      case "unattached":
        return logIsUpToDate;
      case "voted":
        return this.current.votedId === candidateId;
      case "candidate":
        return candidateId === this.options.localId;
      default:
        return false;
    }
  }

  async transitionToUnattached(epoch: number): Promise<void> {
    if (
      epoch <= this.current.epoch &&
      !(epoch === this.current.epoch && this.current.role === "unattached")
    ) {
      throw new Error(
        `cannot become unattached in epoch ${epoch} from ${this.current.role} in ${this.current.epoch}`,
      );
    }
    // A voter already waiting to stand keeps its deadline (as Kafka does): a candidate that
    // keeps losing with a stale log would otherwise restart everyone's timer forever.
    const current = this.current;
    const waiting =
      current.role === "unattached" || current.role === "voted" || current.role === "candidate";
    const electionDeadlineMs = waiting ? current.electionDeadlineMs : this.electionDeadline();
    await this.moveTo({ role: "unattached", epoch, electionDeadlineMs }, true);
  }

  async transitionToVoted(epoch: number, candidateId: number): Promise<void> {
    if (
      epoch < this.current.epoch ||
      (epoch === this.current.epoch && this.current.role !== "unattached")
    ) {
      throw new Error(
        `cannot vote in epoch ${epoch} from ${this.current.role} in ${this.current.epoch}`,
      );
    }
    await this.moveTo(
      { role: "voted", epoch, votedId: candidateId, electionDeadlineMs: this.electionDeadline() },
      true,
    );
  }

  async transitionToFollower(epoch: number, leaderId: number): Promise<void> {
    if (leaderId === this.options.localId) throw new Error("cannot follow itself");
    const sameEpoch = epoch === this.current.epoch;
    if (
      epoch < this.current.epoch ||
      (sameEpoch && (this.current.role === "leader" || this.current.role === "resigned"))
    ) {
      throw new Error(
        `cannot follow ${leaderId} in epoch ${epoch} from ${this.current.role} in ${this.current.epoch}`,
      );
    }
    if (sameEpoch && this.current.role === "follower" && this.current.leaderId !== leaderId) {
      throw new Error(
        `epoch ${epoch} already has leader ${this.current.leaderId}, not ${leaderId}`,
      );
    }
    await this.moveTo(
      {
        role: "follower",
        epoch,
        leaderId,
        fetchDeadlineMs: this.now() + this.options.config.fetchTimeoutMs,
      },
      true,
    );
  }

  async transitionToCandidate(): Promise<void> {
    if (!this.isVoter()) throw new Error("an observer cannot be a candidate");
    if (this.current.role === "leader") throw new Error("a leader cannot become a candidate");
    const retries = this.current.role === "candidate" ? this.current.retries + 1 : 1;
    const localId = this.options.localId;
    await this.moveTo(
      {
        role: "candidate",
        epoch: this.current.epoch + 1,
        granted: new Set([localId]),
        rejected: new Set(),
        electionDeadlineMs: this.electionDeadline(),
        backoffUntilMs: null,
        retries,
      },
      true,
    );
  }

  async transitionToLeader(epochStartOffset: bigint): Promise<LeaderState> {
    const current = this.current;
    if (current.role !== "candidate" || current.granted.size < this.majority) {
      throw new Error(`cannot lead epoch ${current.epoch} from ${current.role} without a majority`);
    }
    const checkQuorumTimeoutMs = Math.floor(this.options.config.fetchTimeoutMs * 1.5);
    const leader = new LeaderState(
      this.options.localId,
      current.epoch,
      epochStartOffset,
      this.options.voters,
      this.now(),
      checkQuorumTimeoutMs,
    );
    await this.moveTo({ role: "leader", epoch: current.epoch, leader }, true);
    return leader;
  }

  /** Only in memory, as Kafka does: after a restart the node comes back resigned anyway. */
  async transitionToResigned(successors: number[]): Promise<void> {
    if (this.current.role !== "leader") throw new Error(`cannot resign from ${this.current.role}`);
    const unacknowledged = new Set(this.otherVoters());
    await this.moveTo(
      {
        role: "resigned",
        epoch: this.current.epoch,
        electionDeadlineMs: this.electionDeadline(),
        successors,
        unacknowledged,
      },
      false,
    );
  }

  private async moveTo(next: EpochState, durable: boolean): Promise<void> {
    const previous = this.current;
    if (durable) await this.persistState(next);
    this.current = next;
    this.generationCount++;
    this.options.onTransition(previous);
  }

  private persist(): Promise<void> {
    return this.persistState(this.current);
  }

  private persistState(state: EpochState): Promise<void> {
    const leaderId =
      state.role === "leader" || state.role === "resigned"
        ? this.options.localId
        : state.role === "follower"
          ? state.leaderId
          : NO_NODE;
    const votedId =
      state.role === "voted"
        ? state.votedId
        : state.role === "candidate"
          ? this.options.localId
          : NO_NODE;
    return this.options.store.write(
      { leaderEpoch: state.epoch, leaderId, votedId },
      this.options.voters,
    );
  }
}
