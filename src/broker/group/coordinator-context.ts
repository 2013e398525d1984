/**
 * What the coordinator's rule files share: its clock, configs, randomness, timers, the
 * groups and offsets it holds, telemetry, and a way to write a group's records to the
 * group's __consumer_offsets partition. Everything runs on the node's one message loop, so
 * after every await a rule re-checks the group it is working on.
 */
import type { Clock } from "../../client/clock.ts";
import type { ClassicGroup } from "./classic-group.ts";
import type { EncodedRecord } from "./coordinator-records.ts";
import type { CoordinatorTimers } from "./coordinator-timers.ts";
import type { WriteOutcome } from "./coordinator-writer.ts";
import type { GroupCoordinatorConfig } from "./group-coordinator-config.ts";
import type { GroupEvents } from "./group-events.ts";
import type { OffsetStore } from "./offset-store.ts";

export interface CoordinatorContext {
  readonly clock: Clock;
  readonly config: GroupCoordinatorConfig;
  readonly random: () => number;
  readonly timers: CoordinatorTimers;
  readonly groups: Map<string, ClassicGroup>;
  readonly offsets: OffsetStore;
  readonly events: GroupEvents;
  /** Append records to the group's partition as the coordinator that loaded it (acks=all). */
  write(groupId: string, records: readonly EncodedRecord[]): Promise<WriteOutcome>;
}

export function nowMs(ctx: CoordinatorContext): number {
  return ctx.clock.nowMs();
}
