/**
 * kafka-consumer-groups --reset-offsets, as ConsumerGroupService.resetOffsets does it: each
 * group must be inactive (Empty, or Dead: not there yet) — an active one gets Kafka's
 * "Assignments can only be reset if the group ... is inactive" error and no plan — then the
 * plan is worked out (reset-plan.ts), committed with --execute (the default, --dry-run,
 * only shows it), and printed as the GROUP/TOPIC/PARTITION/NEW-OFFSET table or, with
 * --export, as CSV.
 */
import type { ToolIo } from "../framework/tool.ts";
import type { AdminSession } from "../framework/admin-session.ts";
import { ExecutionException } from "../framework/java-exception.ts";
import { adminCall } from "../framework/admin-failures.ts";
import { printError } from "./describe-output.ts";
import { describeGroups, listConsumerGroups } from "./group-reads.ts";
import { exportedCsv, type PlannedOffset, type ResetPlan } from "./reset-csv.ts";
import { partitionsToReset, prepareOffsetsToReset, type ResetInputs } from "./reset-plan.ts";

async function commitPlan(
  session: AdminSession,
  groupId: string,
  plan: Map<string, PlannedOffset>,
): Promise<void> {
  const byTopic = new Map<string, { partition: number; offset: string }[]>();
  for (const { tp, offset } of plan.values()) {
    const entries = byTopic.get(tp.topic) ?? [];
    entries.push({ partition: tp.partition, offset: String(offset) });
    byTopic.set(tp.topic, entries);
  }
  for (const [topic, partitions] of byTopic) {
    await adminCall("alterConsumerGroupOffsets", () =>
      session.admin.setOffsets({ groupId, topic, partitions }),
    );
  }
}

/** resetOffsets: each group's plan (empty for a group that could not be reset). */
export async function resetOffsets(inputs: ResetInputs): Promise<ResetPlan> {
  const { session, options, io } = inputs;
  const groupIds = options.has("all-groups")
    ? (await listConsumerGroups(session)).map((group) => group.groupId)
    : options.valuesOf("group");
  const groups = await describeGroups(session, groupIds);
  const execute = options.has("execute");
  const plan: ResetPlan = new Map();
  for (const group of groups) {
    if (group.state !== "Empty" && group.state !== "Dead") {
      printError(
        io,
        `Assignments can only be reset if the group '${group.groupId}' is inactive, but the current state is ${group.state}.`,
      );
      plan.set(group.groupId, new Map());
      continue;
    }
    try {
      const partitions = await partitionsToReset(inputs, group.groupId);
      const prepared = await prepareOffsetsToReset(inputs, group.groupId, partitions);
      if (execute && prepared.size > 0) await commitPlan(session, group.groupId, prepared);
      plan.set(group.groupId, prepared);
    } catch (error) {
      // resetOffsetsForInactiveGroup rethrows a failed call's cause.
      throw error instanceof ExecutionException ? error.cause : error;
    }
  }
  return plan;
}

/** printOffsetsToReset: "%n%-Gs %-Ts %-10s %s" for the header (when there is a group) and each row. */
export function printOffsetsToReset(io: ToolIo, plan: ResetPlan): void {
  const groupWidth = Math.max(15, ...[...plan.keys()].map((groupId) => groupId.length));
  const topics = [...plan.values()].flatMap((offsets) => [...offsets.values()]);
  const topicWidth = Math.max(15, ...topics.map(({ tp }) => tp.topic.length));
  const row = (group: string, topic: string, partition: string, offset: string) =>
    `${group.padEnd(groupWidth)} ${topic.padEnd(topicWidth)} ${partition.padEnd(10)} ${offset}`;
  // Every printf starts with a line break, and a println ends the table.
  if (plan.size === 0) {
    io.out("");
    return;
  }
  io.out("");
  io.out(row("GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"));
  for (const [groupId, offsets] of plan) {
    for (const { tp, offset } of offsets.values())
      io.out(row(groupId, tp.topic, String(tp.partition), String(offset)));
  }
}

/** --export: the CSV, then println's line break (an empty line after it). */
export function printExportedPlan(io: ToolIo, plan: ResetPlan, singleGroup: boolean): void {
  const csv = exportedCsv(plan, singleGroup);
  for (const line of csv.split("\n")) io.out(line);
}
