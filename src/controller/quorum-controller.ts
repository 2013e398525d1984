/**
 * The active KRaft controller (Kafka's QuorumController, combined mode). While this node
 * leads the Raft quorum it decides every cluster change (broker registrations and
 * heartbeats, topics, partitions, configs, leaders and ISRs) from its working metadata
 * image and writes each decision to the metadata log as records.
 *
 * Operations run one at a time in arrival order. Each one's records are appended and
 * applied to the working image before the next operation decides, so decisions build on
 * each other as Kafka's timeline state lets them; but an answer goes out only once its
 * records (or, for an answer without records, everything written before it) are
 * committed. Losing leadership fails every pending answer with NOT_CONTROLLER.
 */
import { type Handler } from "../server/handler.ts";
import type { Clock } from "../client/clock.ts";
import type { MetadataImage } from "../metadata/metadata-image.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { DISCARD_TELEMETRY, type TelemetrySink } from "../telemetry/telemetry-event.ts";
import { apiError } from "./api-error.ts";
import { applyRecords } from "./apply-records.ts";
import { anyStaleBroker, decideFenceStaleBroker } from "./broker-heartbeat.ts";
import { createControllerHandlers } from "./controller-handlers.ts";
import type { ControllerOperation, ControllerOperations } from "./controller-operation.ts";
import { ControllerState } from "./controller-state.ts";
import { decideLeaderAdjustments } from "./elect-leaders.ts";
import type { MetadataLog } from "./metadata-log.ts";
import { OperationQueue } from "./operation-queue.ts";

export interface QuorumControllerOptions {
  nodeId: number;
  /** The cluster id a broker must register with (INCONSISTENT_CLUSTER_ID otherwise). */
  clusterId: string;
  clock: Clock;
  random: () => number;
  properties: Readonly<Record<string, string>>;
  log: MetadataLog;
  telemetry?: TelemetrySink;
}

/** Requests waiting for the controller beyond this are refused with REQUEST_TIMED_OUT. */
export const MAX_QUEUED_OPERATIONS = 1024;

/** One term of leadership: its working state and its periodic tasks. */
interface ActiveTerm {
  state: ControllerState;
  /** Has this term written anything (not yet known to be committed)? */
  wrote: boolean;
  fencingQueued: boolean;
  leaderCheckQueued: boolean;
  nextLeaderCheckMs: number;
}

interface Outcome<Response> {
  response: Response;
  /** Answer once this offset is committed; null to answer at once. */
  commitOffset: bigint | null;
}

export class QuorumController implements ControllerOperations {
  readonly nodeId: number;
  readonly handlers: Handler<never, unknown>[];
  private readonly queue = new OperationQueue(MAX_QUEUED_OPERATIONS);
  private readonly telemetry: TelemetrySink;
  private term: ActiveTerm | null = null;

  constructor(private readonly options: QuorumControllerOptions) {
    this.nodeId = options.nodeId;
    this.telemetry = options.telemetry ?? DISCARD_TELEMETRY;
    this.handlers = createControllerHandlers(this);
  }

  get isActive(): boolean {
    return this.term !== null;
  }

  /** This node became the Raft leader: start from the committed image. */
  activate(committed: MetadataImage): void {
    const { nodeId, clusterId, clock, random, properties } = this.options;
    const state = new ControllerState(committed.clone(), {
      nodeId,
      clusterId,
      clock,
      random,
      properties,
    });
    const intervalMs = state.config.number("leader.imbalance.check.interval.seconds") * 1000;
    this.term = {
      state,
      wrote: false,
      fencingQueued: false,
      leaderCheckQueued: false,
      nextLeaderCheckMs: clock.nowMs() + intervalMs,
    };
  }

  deactivate(): void {
    this.term = null;
  }

  /** The working image while active (ahead of the committed one by what is not yet committed). */
  workingImage(): MetadataImage | null {
    return this.term?.state.image ?? null;
  }

  /**
   * Fence brokers whose session expired; every leader.imbalance.check.interval.seconds,
   * adjust leaders (unclean elections where allowed, the preferred-leader rebalance).
   */
  tick(): void {
    const term = this.term;
    if (term === null) return;
    const { state } = term;
    if (!term.fencingQueued && anyStaleBroker(state)) {
      term.fencingQueued = true;
      void this.submitTask(
        term,
        () => decideFenceStaleBroker(state),
        () => {
          term.fencingQueued = false;
        },
      );
    }
    if (!term.leaderCheckQueued && state.nowMs() >= term.nextLeaderCheckMs) {
      term.leaderCheckQueued = true;
      void this.submitTask(
        term,
        () => decideLeaderAdjustments(state),
        (result) => {
          term.leaderCheckQueued = false;
          // Elections left over for the bound run on the next tick.
          const intervalMs = state.config.number("leader.imbalance.check.interval.seconds") * 1000;
          term.nextLeaderCheckMs =
            result?.more === true ? state.nowMs() : state.nowMs() + intervalMs;
        },
      );
    }
  }

  submit<Response>(operation: ControllerOperation<Response>): Promise<Response> {
    const term = this.term;
    if (term === null) return Promise.resolve(operation.fail(apiError(ErrorCode.NOT_CONTROLLER)));
    const queued = this.queue.tryRun(() => this.runNow(term, operation));
    if (queued === null) {
      return Promise.resolve(
        operation.fail(
          apiError(ErrorCode.REQUEST_TIMED_OUT, "The controller has too many requests waiting."),
        ),
      );
    }
    return queued.then(async ({ response, commitOffset }) => {
      if (commitOffset === null) return response;
      try {
        await this.options.log.committed(commitOffset);
        return response;
      } catch {
        return operation.fail(apiError(ErrorCode.NOT_CONTROLLER));
      }
    });
  }

  /** A timer task: an operation nobody answers, with a hook for when it has run. */
  private submitTask<Result>(
    term: ActiveTerm,
    decide: ControllerOperation<Result>["decide"],
    done: (result: Result | null) => void,
  ): Promise<void> {
    return this.submit<Result | null>({ decide, fail: () => null }).then(done, (error: unknown) => {
      done(null);
      throw error;
    });
  }

  private async runNow<Response>(
    term: ActiveTerm,
    operation: ControllerOperation<Response>,
  ): Promise<Outcome<Response>> {
    const notController = (): Outcome<Response> => ({
      response: operation.fail(apiError(ErrorCode.NOT_CONTROLLER)),
      commitOffset: null,
    });
    if (this.term !== term) return notController();
    const { state } = term;
    const decision = operation.decide(state);
    if (decision.records.length === 0) {
      decision.afterAppend?.(state.lastWrittenOffset);
      return {
        response: decision.respond(),
        commitOffset: term.wrote ? state.lastWrittenOffset : null,
      };
    }
    let lastOffset: bigint;
    try {
      lastOffset = await this.options.log.append(decision.records);
    } catch {
      // The log refused: leadership is gone, and the working image no longer matches the log.
      if (this.term === term) this.deactivate();
      return notController();
    }
    if (this.term !== term) return notController();
    applyRecords(state.image, decision.records, lastOffset, this.nodeId, this.telemetry);
    state.lastWrittenOffset = lastOffset;
    term.wrote = true;
    decision.afterAppend?.(lastOffset);
    return { response: decision.respond(), commitOffset: lastOffset };
  }
}
