/**
 * What the agent watches while the run goes on, through the session's observer hook:
 * every acknowledgement of a chaos producer (the journal, bounded), and every telemetry
 * event, fed to the simulator's safety history (one Raft leader per term, one leader per
 * partition epoch, HW never back within an epoch) and to the generation-ownership check.
 */
import { SafetyHistory } from "../../src/runtime/sim/checkers/safety-history.ts";
import type { RecordSeen } from "../../src/ui/playground/client-hub.ts";
import type { Acknowledgement } from "../checks/record-check.ts";
import { GenerationOwnership } from "../checks/generation-ownership.ts";
import { GroupStory } from "../checks/group-story.ts";
import type { SessionObserver } from "../../src/ui/playground/session.ts";

/** Acknowledgements kept at most: hours of the default rates. */
export const JOURNAL_LIMIT = 2_000_000;

export interface Observed {
  acknowledgements: Acknowledgement[];
  /** Acknowledgements not kept because the journal was full (the records check is then partial). */
  journalOverflow: number;
  /** Acknowledgements whose key did not carry a sequence number (should be none). */
  unreadableKeys: number;
  safetyViolations: string[];
  ownershipViolations: string[];
  ownershipViolationCount: number;
  generations: Record<string, number>;
  telemetryEvents: number;
  droppedTelemetry: number;
  /** The groups' story (group-story.ts), timed from the start of the faults. */
  groupStory: string[];
}

interface JournalEntry {
  producerId: string;
  n: number;
  partition: number;
  offset: number;
}

const SEQUENCE_KEY = /^key-(\d+)$/;

export class Observations {
  private readonly journal: JournalEntry[] = [];
  private journalOverflow = 0;
  private unreadableKeys = 0;
  private telemetryEvents = 0;
  private droppedTelemetry = 0;
  private readonly safety: SafetyHistory;
  private readonly ownership: GenerationOwnership;
  private readonly story: GroupStory;
  private originMs: number;
  private readonly stop: () => void;

  /**
   * `subscribe`: the page session's `observe` (or the simulator's stand-in for it); `nowMs`
   * dates the safety violations.
   */
  constructor(
    subscribe: (observer: SessionObserver) => () => void,
    private readonly topic: string,
    private readonly groups: readonly string[],
    private readonly nowMs: () => number,
  ) {
    this.safety = new SafetyHistory(nowMs);
    this.ownership = new GenerationOwnership(new Set(groups));
    this.story = new GroupStory(new Set(groups));
    this.originMs = nowMs();
    this.stop = subscribe({
      record: (record) => this.acknowledged(record),
      telemetry: (events, dropped) => {
        this.droppedTelemetry += dropped;
        this.telemetryEvents += events.length;
        for (const event of events) {
          this.safety.observe(event);
          this.ownership.observe(event);
          this.story.observe(event, nowMs());
        }
      },
    });
  }

  /** The faults start now: the story's times count from here, as the fault schedule's do. */
  markFaultsStart(): void {
    this.originMs = this.nowMs();
  }

  /** How many acknowledgements each producer (by page id) has had so far. */
  acknowledgedSoFar(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.journal)
      counts[entry.producerId] = (counts[entry.producerId] ?? 0) + 1;
    return counts;
  }

  /** Everything observed, with producers named by their labels. */
  snapshot(labelOf: (producerId: string) => string): Observed {
    return {
      acknowledgements: this.journal.map(({ producerId, n, partition, offset }) => ({
        producer: labelOf(producerId),
        n,
        partition,
        offset,
      })),
      journalOverflow: this.journalOverflow,
      unreadableKeys: this.unreadableKeys,
      safetyViolations: [...this.safety.violations],
      ownershipViolations: [...this.ownership.violations],
      ownershipViolationCount: this.ownership.violationCount,
      generations: Object.fromEntries(
        this.groups.map((group) => [group, this.ownership.generationsOf(group)]),
      ),
      telemetryEvents: this.telemetryEvents,
      droppedTelemetry: this.droppedTelemetry,
      groupStory: this.story.told(this.originMs),
    };
  }

  dispose(): void {
    this.stop();
  }

  private acknowledged(record: RecordSeen): void {
    if (record.by.kind !== "producer" || record.topic !== this.topic) return;
    const n = SEQUENCE_KEY.exec(record.key ?? "");
    if (n === null) {
      this.unreadableKeys++;
      return;
    }
    if (this.journal.length >= JOURNAL_LIMIT) {
      this.journalOverflow++;
      return;
    }
    this.journal.push({
      producerId: record.by.id,
      n: Number(n[1]),
      partition: record.partition,
      offset: record.offset,
    });
  }
}
