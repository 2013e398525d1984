/**
 * kafka-consumer-groups --list: the consumer groups' ids, one a line; with --state (and
 * optionally states to keep) and/or --type (optionally types to keep), a table of each
 * group's id, type and state. Every group here is a classic group (JoinGroup/SyncGroup):
 * the playground has no KIP-848 "consumer" groups.
 */
import type { GroupOverview } from "../../client/admin/admin-types.ts";
import type { ParsedOptions } from "../framework/option-parser.ts";
import type { ToolIo } from "../framework/tool.ts";
import type { AdminSession } from "../framework/admin-session.ts";
import { illegalArgument } from "../framework/java-exception.ts";
import { listConsumerGroups } from "./group-reads.ts";

/** GroupState.groupStatesForType(CONSUMER), as GroupState prints them. */
const CONSUMER_GROUP_STATES = [
  "PreparingRebalance",
  "CompletingRebalance",
  "Stable",
  "Dead",
  "Empty",
  "Assigning",
  "Reconciling",
];
const GROUP_TYPES = ["Classic", "Consumer"];
const CLASSIC = "Classic";

/** GroupState.parse / GroupType.parse: by name, ignoring case; null for none of them. */
function parseName(names: readonly string[], text: string): string | null {
  return names.find((name) => name.toLowerCase() === text.trim().toLowerCase()) ?? null;
}

function statesFromString(input: string): Set<string> {
  const parsed = input.split(",").map((text) => parseName(CONSUMER_GROUP_STATES, text));
  if (parsed.some((state) => state === null)) {
    throw illegalArgument(
      `Invalid state list '${input}'. Valid states are: ${CONSUMER_GROUP_STATES.join(", ")}`,
    );
  }
  return new Set(parsed as string[]);
}

function typesFromString(input: string): Set<string> {
  const parsed = input.split(",").map((text) => parseName(GROUP_TYPES, text));
  if (parsed.some((type) => type === null))
    throw illegalArgument(
      `Invalid types list '${input}'. Valid types are: ${GROUP_TYPES.join(", ")}`,
    );
  return new Set(parsed as string[]);
}

/** The filter an optional value gives: every value when it is absent or empty. */
function filterOf(
  value: string | undefined,
  parse: (input: string) => Set<string>,
): Set<string> | null {
  return value === undefined || value === "" ? null : parse(value);
}

function printGroupInfo(
  io: ToolIo,
  groups: readonly GroupOverview[],
  includeType: boolean,
  includeState: boolean,
): void {
  const groupWidth = Math.max(15, ...groups.map((group) => group.groupId.length)) + 10;
  const row = (id: string, type: string, state: string) =>
    [
      id.padEnd(groupWidth),
      ...(includeType ? [type.padEnd(20)] : []),
      ...(includeState ? [state.padEnd(20)] : []),
    ].join(" ");
  io.out(row("GROUP", "TYPE", "STATE"));
  for (const group of groups) io.out(row(group.groupId, CLASSIC, group.groupState || "Unknown"));
}

export async function listGroups(
  session: AdminSession,
  options: ParsedOptions,
  io: ToolIo,
): Promise<void> {
  const includeType = options.has("type");
  const includeState = options.has("state");
  if (!includeType && !includeState) {
    for (const group of await listConsumerGroups(session)) io.out(group.groupId);
    return;
  }
  const types = filterOf(options.valueOf("type"), typesFromString);
  const states = filterOf(options.valueOf("state"), statesFromString);
  const groups = (await listConsumerGroups(session)).filter(
    (group) =>
      (types === null || types.has(CLASSIC)) && (states === null || states.has(group.groupState)),
  );
  printGroupInfo(io, groups, includeType, includeState);
}
