/**
 * Which offsets kafka-consumer-groups --reset-offsets sets, worked out as Kafka's
 * GroupOffsetsResetter does: the partitions in scope (--all-topics: those the group
 * committed; --topic t or t:0,1), checked to exist and to have a leader, then the new offset
 * of each by the scenario given. Offsets asked for outside the log are moved to its start
 * or end, with Kafka's WARN; a time with no record at or after it falls back to the end.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ParsedOptions } from "../framework/option-parser.ts";
import type { ToolIo } from "../framework/tool.ts";
import type { AdminSession } from "../framework/admin-session.ts";
import { ExecutionException, JavaException, illegalArgument } from "../framework/java-exception.ts";
import { kafkaException } from "../framework/kafka-exceptions.ts";
import { javaSplit, parseJavaInt } from "../topics/topic-arguments.ts";
import { logToStderr } from "../framework/tool-log.ts";
import { RESET_SCENARIOS } from "./consumer-group-options.ts";
import { printError } from "./describe-output.ts";
import {
  EARLIEST,
  LATEST,
  byTopicThenPartition,
  committedOffsets,
  logOffsets,
  partitionName,
  topicPartitions,
  type TopicPartition,
} from "./group-reads.ts";
import type { PlannedOffset, ResetPlan } from "./reset-csv.ts";
import { parseDateTime, parseDurationMs } from "./reset-times.ts";

const RESETTER_LOGGER = "org.apache.kafka.tools.GroupOffsetsResetter";

/** printUsageAndExit from inside the reset: the tool prints `message` and the usage, exit 1. */
export class UsageExit extends Error {}

export interface ResetInputs {
  session: AdminSession;
  options: ParsedOptions;
  io: ToolIo;
  /** The plan read from --from-file, if given. */
  fromFile: ResetPlan | null;
}

/** parseTopicsWithPartitions: "orders:0,2". */
export function topicWithPartitions(arg: string): TopicPartition[] {
  const parts = javaSplit(arg, ":");
  if (parts.length !== 2)
    throw illegalArgument(`Invalid topic arg '${arg}', expected topic name and partitions`);
  const [topic, partitions] = parts as [string, string];
  return partitions.split(",").map((text) => {
    try {
      return { topic, partition: parseJavaInt(text) };
    } catch {
      throw illegalArgument(`Invalid partition '${text}' specified in topic arg '${arg}''`);
    }
  });
}

/** describeTopics failing for a topic the cluster does not have, as the resetter sees it. */
function unknownTopic(): JavaException {
  return kafkaException(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
}

/** getPartitionsToReset: the partitions in the reset's scope. */
export async function partitionsToReset(
  inputs: ResetInputs,
  groupId: string,
): Promise<TopicPartition[]> {
  const { session, options } = inputs;
  if (options.has("all-topics"))
    return [...(await committedOffsets(session, groupId)).values()].map(({ tp }) => tp);
  if (!options.has("topic")) {
    if (!options.has("from-file"))
      throw new UsageExit("One of the reset scopes should be defined: --all-topics, --topic.");
    return [];
  }
  const args = options.valuesOf("topic");
  const specified = args.filter((arg) => arg.includes(":")).flatMap(topicWithPartitions);
  const whole = args.filter((arg) => !arg.includes(":"));
  if (whole.length === 0) return specified;
  const metadata = await topicPartitions(session);
  for (const topic of whole) {
    const partitions = metadata.get(topic);
    if (partitions === undefined) throw unknownTopic();
    specified.push(...partitions.map(({ partitionId }) => ({ topic, partition: partitionId })));
  }
  return specified;
}

/** checkAllTopicPartitionsValid: every partition exists and has a leader. */
async function checkPartitionsValid(
  session: AdminSession,
  partitions: readonly TopicPartition[],
): Promise<void> {
  const metadata = await topicPartitions(session);
  if (partitions.some(({ topic }) => !metadata.has(topic))) {
    // describeTopics' failure, wrapped in the RuntimeException the resetter throws.
    const failed = new ExecutionException(unknownTopic());
    throw new JavaException("RuntimeException", failed.toString());
  }
  const info = (tp: TopicPartition) =>
    metadata.get(tp.topic)!.find((each) => each.partitionId === tp.partition);
  const names = (list: TopicPartition[]) => list.map(partitionName).join(",");
  const missing = partitions.filter((tp) => info(tp) === undefined);
  if (missing.length > 0) {
    throw kafkaException(
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      `The partitions "${names(missing)}" do not exist`,
    );
  }
  const leaderless = partitions.filter((tp) => info(tp)!.leader < 0);
  if (leaderless.length > 0) {
    throw kafkaException(
      ErrorCode.LEADER_NOT_AVAILABLE,
      `The partitions "${names(leaderless)}" have no leader`,
    );
  }
}

type Requested = Map<string, { tp: TopicPartition; offset: bigint }>;

/** checkOffsetsRange: each requested offset, moved into [log start, log end]. */
async function withinLog(inputs: ResetInputs, requested: Requested): Promise<Requested> {
  const { session, io } = inputs;
  const partitions = [...requested.values()].map(({ tp }) => tp);
  const starts = await logOffsets(session, partitions, EARLIEST);
  const ends = await logOffsets(session, partitions, LATEST);
  const warn = (message: string) => logToStderr(io, "WARN", message, RESETTER_LOGGER);
  const result: Requested = new Map();
  for (const [name, { tp, offset }] of requested) {
    const end = ends.get(name) ?? null;
    const start = starts.get(name) ?? null;
    let moved = offset;
    if (end !== null && offset > end) {
      warn(
        `New offset (${offset}) is higher than latest offset for topic partition ${name}. Value will be set to ${end}.`,
      );
      moved = end;
    } else if (start !== null && offset < start) {
      warn(
        `New offset (${offset}) is lower than earliest offset for topic partition ${name}. Value will be set to ${start}.`,
      );
      moved = start;
    }
    result.set(name, { tp, offset: moved });
  }
  return result;
}

function requestedFor(
  partitions: readonly TopicPartition[],
  offsetOf: (tp: TopicPartition) => bigint,
): Requested {
  return new Map(partitions.map((tp) => [partitionName(tp), { tp, offset: offsetOf(tp) }]));
}

/** The log offsets of `timestamp`, falling back to the end where no record is that late. */
async function offsetsForTime(
  inputs: ResetInputs,
  partitions: readonly TopicPartition[],
  timestampMs: number,
): Promise<Requested> {
  const { session, io } = inputs;
  const found = await logOffsets(session, partitions, BigInt(timestampMs));
  const empty = partitions.filter((tp) => found.get(partitionName(tp)) === -1n);
  for (const { topic, partition } of empty) {
    io.out("");
    io.out(
      `Warn: Partition ${partition} from topic ${topic} is empty. Falling back to latest known offset.`,
    );
  }
  const ends = await logOffsets(session, empty, LATEST);
  return requestedFor(partitions, (tp) => {
    const name = partitionName(tp);
    const offset = found.get(name) === -1n ? ends.get(name) : found.get(name);
    if (offset === null || offset === undefined)
      throw new UsageExit(`Error getting offset by timestamp of topic partition: ${name}`);
    return offset;
  });
}

/** Each partition's log start (EARLIEST) or end (LATEST); a partition without one ends the tool. */
async function logBoundary(
  inputs: ResetInputs,
  partitions: readonly TopicPartition[],
  which: bigint,
): Promise<Requested> {
  const found = await logOffsets(inputs.session, partitions, which);
  return requestedFor(partitions, (tp) => {
    const offset = found.get(partitionName(tp));
    if (offset === null || offset === undefined) {
      const what = which === EARLIEST ? "starting" : "ending";
      throw new UsageExit(`Error getting ${what} offset of topic partition: ${partitionName(tp)}`);
    }
    return offset;
  });
}

/** prepareOffsetsToReset: the new offset of every partition in scope, by the scenario given. */
export async function prepareOffsetsToReset(
  inputs: ResetInputs,
  groupId: string,
  partitions: TopicPartition[],
): Promise<Map<string, PlannedOffset>> {
  const { session, options } = inputs;
  await checkPartitionsValid(session, partitions);
  const sorted = [...partitions].sort(byTopicThenPartition);
  const committed = () => committedOffsets(session, groupId);
  if (options.has("to-offset")) {
    const offset = BigInt(options.valueOf("to-offset")!);
    return withinLog(
      inputs,
      requestedFor(sorted, () => offset),
    );
  }
  if (options.has("to-earliest")) return logBoundary(inputs, sorted, EARLIEST);
  if (options.has("to-latest")) return logBoundary(inputs, sorted, LATEST);
  if (options.has("shift-by")) {
    const shift = BigInt(options.valueOf("shift-by")!);
    const current = await committed();
    const requested = requestedFor(sorted, (tp) => {
      const now = current.get(partitionName(tp));
      if (now === undefined) {
        throw illegalArgument(
          `Cannot shift offset for partition ${partitionName(tp)} since there is no current committed offset`,
        );
      }
      return now.offset + shift;
    });
    return withinLog(inputs, requested);
  }
  if (options.has("to-datetime"))
    return offsetsForTime(inputs, sorted, parseDateTime(options.valueOf("to-datetime")!));
  if (options.has("by-duration")) {
    const durationMs = parseDurationMs(options.valueOf("by-duration")!);
    return offsetsForTime(inputs, sorted, inputs.io.connect.nowMs() - durationMs);
  }
  if (inputs.fromFile !== null) {
    const planned = inputs.fromFile.get(groupId);
    if (planned === undefined) {
      printError(inputs.io, `No reset plan for group ${groupId} found.`);
      return new Map();
    }
    return withinLog(inputs, new Map(planned));
  }
  if (options.has("to-current")) {
    const current = await committed();
    const ends = await logOffsets(
      session,
      sorted.filter((tp) => !current.has(partitionName(tp))),
      LATEST,
    );
    return requestedFor(sorted, (tp) => {
      const name = partitionName(tp);
      const offset = current.get(name)?.offset ?? ends.get(name);
      if (offset === null || offset === undefined)
        throw new JavaException(
          "IllegalStateException",
          `Error getting ending offset of topic partition: ${name}`,
        );
      return offset;
    });
  }
  const scenarios = RESET_SCENARIOS.map((scenario) => `[${scenario}]`).join(", ");
  throw new UsageExit(
    `Option '[reset-offsets]' requires one of the following scenarios: [${scenarios}]`,
  );
}
