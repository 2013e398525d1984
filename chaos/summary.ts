/**
 * What a chaos run found, and the summary it prints: records acknowledged, lost,
 * duplicated and out of order; faults injected by kind; each violation; the wall time of
 * each phase. A run passes only with no violation at all.
 */
import { FAULT_KINDS, type FaultKind } from "./fault-schedule.ts";

export interface ChaosReport {
  seed: number;
  minutes: number;
  shape: string;
  faults: Record<FaultKind, number>;
  /** Faults the page refused (an action that returned an error), with why. */
  refusedFaults: string[];
  records: {
    sent: number;
    acknowledged: number;
    failed: number;
    lost: number;
    duplicated: number;
    outOfOrder: number;
    misplaced: number;
    readBack: number;
  };
  groups: { groupId: string; generations: number; committed: number }[];
  /** Each broken promise, one sentence, grouped by the check that found it. */
  violations: Record<string, string[]>;
  /** Worth knowing, not a violation (telemetry dropped, page console errors). */
  notes: string[];
  /** The groups' story (group-story.ts), told when a group check failed; empty otherwise. */
  groupStory: string[];
  phasesMs: Record<string, number>;
}

export function violationCount(report: ChaosReport): number {
  return Object.values(report.violations).reduce((sum, list) => sum + list.length, 0);
}

export function passed(report: ChaosReport): boolean {
  return violationCount(report) === 0;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatSummary(report: ChaosReport): string[] {
  const { records } = report;
  const faultTotal = FAULT_KINDS.reduce((sum, kind) => sum + report.faults[kind], 0);
  const lines = [
    `chaos run — seed ${report.seed}, ${report.minutes} min of faults; ${report.shape}`,
    `faults injected: ${faultTotal} — ${FAULT_KINDS.map((kind) => `${kind} ${report.faults[kind]}`).join(", ")}`,
    `records: sent ${records.sent}, acknowledged ${records.acknowledged}, failed ${records.failed}; ` +
      `lost ${records.lost}, duplicated ${records.duplicated}, out of order ${records.outOfOrder}, misplaced ${records.misplaced} ` +
      `(${records.readBack} read back from the brokers)`,
    ...report.groups.map(
      (group) =>
        `group ${group.groupId}: ${group.generations} generations seen, ${group.committed} records committed`,
    ),
  ];
  for (const refused of report.refusedFaults) lines.push(`  refused fault: ${refused}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  const count = violationCount(report);
  if (count === 0) lines.push("violations: none");
  else {
    lines.push(`violations: ${count}`);
    for (const [check, list] of Object.entries(report.violations))
      for (const violation of list) lines.push(`  ✗ [${check}] ${violation}`);
  }
  if (report.groupStory.length > 0) {
    lines.push("what the coordinators told of the groups (seconds from the first fault):");
    for (const line of report.groupStory) lines.push(`  ${line}`);
  }
  const total = Object.values(report.phasesMs).reduce((sum, ms) => sum + ms, 0);
  lines.push(
    `wall time: ${seconds(total)} (${Object.entries(report.phasesMs)
      .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
      .join(", ")})`,
  );
  lines.push(
    count === 0
      ? `PASSED (seed ${report.seed})`
      : `FAILED (seed ${report.seed}): rerun with npm run chaos -- --minutes ${report.minutes} --seed ${report.seed}`,
  );
  return lines;
}
