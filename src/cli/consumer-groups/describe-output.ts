/**
 * The tables kafka-consumer-groups --describe prints, laid out as ConsumerGroupService's
 * printf formats lay them out: each column left-aligned to a width ("%-15s", widened to
 * the longest group, topic, consumer id or host), one space between, the last column
 * unpadded, and a blank line before each group's table. Before a table, what the group's
 * state says about it: a Dead group "does not exist" (and gets no table), an Empty one "has
 * no active members", one that is rebalancing gets a warning.
 *
 * The committed leader epoch (--offsets --verbose) is "-": the Admin's fetchOffsets does
 * not return it.
 */
import type { GroupState } from "../../client/admin/admin-types.ts";
import type { ToolIo } from "../framework/tool.ts";
import { JavaException } from "../framework/java-exception.ts";
import type {
  GroupInformation,
  GroupMembers,
  GroupOffsets,
  MemberAssignmentState,
  PartitionAssignmentState,
} from "./describe-collect.ts";
import { byTopicThenPartition, type TopicPartition } from "./group-reads.ts";

export const MISSING_COLUMN_VALUE = "-";

/** Java's printf "%-<width>s". */
const left = (value: string, width: number) => value.padEnd(width);

/** A printf format of left-aligned columns: the widths of all but the last, which is "%s". */
function formatRow(widths: readonly number[], cells: readonly string[]): string {
  return cells
    .map((cell, index) => (index < widths.length ? left(cell, widths[index]!) : cell))
    .join(" ");
}

/** ConsumerGroupCommand.printError: a blank line, then "Error: <message>", on standard output. */
export function printError(io: ToolIo, message: string): void {
  io.out("");
  io.out(`Error: ${message}`);
}

/** shouldPrintMemberState: what the state says, and whether a table of `rows` rows follows. */
function shouldPrintMemberState(
  io: ToolIo,
  group: string,
  state: GroupState,
  rows: number,
): boolean {
  switch (state) {
    case "Dead":
      printError(io, `Consumer group '${group}' does not exist.`);
      break;
    case "Empty":
      io.err("");
      io.err(`Consumer group '${group}' has no active members.`);
      break;
    case "PreparingRebalance":
    case "CompletingRebalance":
      io.err("");
      io.err(`Warning: Consumer group '${group}' is rebalancing.`);
      break;
    case "Stable":
      break;
    default:
      throw new JavaException(
        "KafkaException",
        `Expected a valid consumer group state, but found '${state}'.`,
      );
  }
  return state !== "Dead" && rows > 0;
}

const text = (value: bigint | number | string | null) =>
  value === null ? MISSING_COLUMN_VALUE : String(value);

function widest(minimum: number, values: readonly string[]): number {
  return values.reduce((width, value) => Math.max(width, value.length), minimum);
}

export function printOffsets(io: ToolIo, groups: readonly GroupOffsets[], verbose: boolean): void {
  for (const { groupId, state, rows } of groups) {
    if (!shouldPrintMemberState(io, groupId, state, rows.length)) continue;
    const column = (of: (row: PartitionAssignmentState) => string | null) =>
      widest(
        15,
        rows.map((row) => of(row) ?? MISSING_COLUMN_VALUE),
      );
    const groupWidth = column((row) => row.group);
    const topicWidth = column((row) => row.topic);
    const consumerWidth = column((row) => row.consumerId);
    const hostWidth = column((row) => row.host);
    const widths = verbose
      ? [groupWidth, topicWidth, 10, 15, 15, 15, 15, consumerWidth, hostWidth]
      : [groupWidth, topicWidth, 10, 15, 15, 15, consumerWidth, hostWidth];
    const epoch = verbose ? ["LEADER-EPOCH"] : [];
    io.out("");
    io.out(
      formatRow(widths, [
        "GROUP",
        "TOPIC",
        "PARTITION",
        ...epoch,
        "CURRENT-OFFSET",
        "LOG-END-OFFSET",
        "LAG",
        "CONSUMER-ID",
        "HOST",
        "CLIENT-ID",
      ]),
    );
    for (const row of rows) {
      io.out(
        formatRow(widths, [
          row.group,
          row.topic,
          String(row.partition),
          ...(verbose ? [MISSING_COLUMN_VALUE] : []),
          text(row.offset),
          text(row.logEndOffset),
          text(row.lag),
          text(row.consumerId),
          text(row.host),
          text(row.clientId),
        ]),
      );
    }
  }
}

/** "orders:0,1;payments:2": partitions by topic, topics sorted. */
function assignmentString(assignment: readonly TopicPartition[]): string {
  if (assignment.length === 0) return MISSING_COLUMN_VALUE;
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of [...assignment].sort(byTopicThenPartition))
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  return [...byTopic]
    .map(([topic, partitions]) => `${topic}:${partitions.join(",")}`)
    .sort()
    .join(";");
}

/** Cells each padded to its width and followed by a space: "%-15s %-15s ... %-15s ". */
const paddedCells = (widths: readonly number[], cells: readonly string[]) =>
  cells.map((cell, index) => `${left(cell, widths[index]!)} `).join("");

export function printMembers(io: ToolIo, groups: readonly GroupMembers[], verbose: boolean): void {
  for (const { groupId, state, members } of groups) {
    let widths = { group: 15, consumer: 15, instance: 17, host: 15, client: 15, assignment: 20 };
    let withInstanceId = false;
    if (shouldPrintMemberState(io, groupId, state, members.length)) {
      const of = (minimum: number, value: (member: MemberAssignmentState) => string) =>
        widest(minimum, members.map(value));
      widths = {
        group: of(15, (m) => m.group),
        consumer: of(15, (m) => m.consumerId),
        instance: of(17, (m) => m.groupInstanceId),
        host: of(15, (m) => m.host),
        client: of(15, (m) => m.clientId),
        assignment: of(20, (m) => assignmentString(m.assignment)),
      };
      withInstanceId = members.some((member) => member.groupInstanceId !== "");
    }
    const memberWidths = withInstanceId
      ? [widths.group, widths.consumer, widths.instance, widths.host, widths.client, 15]
      : [widths.group, widths.consumer, widths.host, widths.client, 15];
    // Classic groups have no member epochs or target assignments (KIP-848's): "-".
    const verboseWidths = [15, widths.assignment, 15, 20];
    const line = (memberCells: string[], verboseCells: string[]) => {
      const cells = withInstanceId ? memberCells : memberCells.filter((_, index) => index !== 2);
      const extra = verbose ? formatRow(verboseWidths, verboseCells) : "";
      return paddedCells(memberWidths, cells) + extra;
    };
    io.out("");
    io.out(
      line(
        ["GROUP", "CONSUMER-ID", "GROUP-INSTANCE-ID", "HOST", "CLIENT-ID", "#PARTITIONS"],
        ["CURRENT-EPOCH", "CURRENT-ASSIGNMENT", "TARGET-EPOCH", "TARGET-ASSIGNMENT"],
      ),
    );
    for (const member of members) {
      io.out(
        line(
          [
            member.group,
            member.consumerId,
            member.groupInstanceId,
            member.host,
            member.clientId,
            String(member.assignment.length),
          ],
          [
            MISSING_COLUMN_VALUE,
            assignmentString(member.assignment),
            MISSING_COLUMN_VALUE,
            MISSING_COLUMN_VALUE,
          ],
        ),
      );
    }
  }
}

export function printStates(
  io: ToolIo,
  groups: readonly GroupInformation[],
  verbose: boolean,
): void {
  for (const info of groups) {
    if (!shouldPrintMemberState(io, info.groupId, info.state, 1)) continue;
    const { host, port, nodeId } = info.coordinator;
    const coordinator = `${host}:${port}  (${nodeId})`;
    const strategy =
      info.assignmentStrategy === "" ? MISSING_COLUMN_VALUE : info.assignmentStrategy;
    const groupWidth = Math.max(15, info.groupId.length);
    const coordinatorWidth = Math.max(25, coordinator.length);
    const widths = verbose
      ? [groupWidth, coordinatorWidth, 20, 20, 15, 25]
      : [groupWidth, coordinatorWidth, 20, 20];
    const epochs = (cells: string[]) => (verbose ? cells : []);
    io.out("");
    io.out(
      formatRow(widths, [
        "GROUP",
        "COORDINATOR (ID)",
        "ASSIGNMENT-STRATEGY",
        "STATE",
        ...epochs(["GROUP-EPOCH", "TARGET-ASSIGNMENT-EPOCH"]),
        "#MEMBERS",
      ]),
    );
    io.out(
      formatRow(widths, [
        info.groupId,
        coordinator,
        strategy,
        info.state,
        ...epochs([MISSING_COLUMN_VALUE, MISSING_COLUMN_VALUE]),
        String(info.numMembers),
      ]),
    );
  }
}
