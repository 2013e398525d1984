/**
 * Kafka's QuorumInfo, as the Admin client builds it from a DescribeQuorum answer for
 * `__cluster_metadata-0`, and the two views kafka-metadata-quorum prints of it (Kafka 3.7's
 * MetadataQuorumCommand): `describe --status` and `describe --replication`.
 */
import type { DescribeQuorumResponseReplicaState } from "../../protocol/generated/messages/describe-quorum-response.ts";
import { JavaException } from "../framework/java-exception.ts";
import { prettyTableLines } from "../framework/pretty-table.ts";

export interface ReplicaState {
  replicaId: number;
  logEndOffset: bigint;
  /** null when the answer has none (-1, or a version without timestamps): Java's OptionalLong.empty. */
  lastFetchTimestamp: bigint | null;
  lastCaughtUpTimestamp: bigint | null;
}

export interface QuorumInfo {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: bigint;
  voters: ReplicaState[];
  observers: ReplicaState[];
}

export function replicaState(answer: DescribeQuorumResponseReplicaState): ReplicaState {
  return {
    replicaId: answer.replicaId,
    logEndOffset: answer.logEndOffset,
    lastFetchTimestamp: answer.lastFetchTimestamp === -1n ? null : answer.lastFetchTimestamp,
    lastCaughtUpTimestamp:
      answer.lastCaughtUpTimestamp === -1n ? null : answer.lastCaughtUpTimestamp,
  };
}

/** Java's Optional.get() on a missing leader: the tool fails with NoSuchElementException. */
export class NoLeaderAmongVoters extends JavaException {
  constructor() {
    super("NoSuchElementException", "No value present");
  }
}

function leaderOf(quorum: QuorumInfo): ReplicaState {
  const leader = quorum.voters.find((voter) => voter.replicaId === quorum.leaderId);
  if (leader === undefined) throw new NoLeaderAmongVoters();
  return leader;
}

/** handleDescribeStatus's lines. */
export function statusLines(clusterId: string, quorum: QuorumInfo): string[] {
  const leader = leaderOf(quorum);
  // The voter furthest behind (the first of equals, as Java's Stream.min keeps).
  const maxLagFollower = quorum.voters.reduce((lagging, voter) =>
    voter.logEndOffset < lagging.logEndOffset ? voter : lagging,
  );
  const maxFollowerLag = leader.logEndOffset - maxLagFollower.logEndOffset;
  let maxFollowerLagTimeMs: bigint;
  if (leader === maxLagFollower) maxFollowerLagTimeMs = 0n;
  else if (leader.lastCaughtUpTimestamp !== null && maxLagFollower.lastCaughtUpTimestamp !== null) {
    maxFollowerLagTimeMs = leader.lastCaughtUpTimestamp - maxLagFollower.lastCaughtUpTimestamp;
  } else maxFollowerLagTimeMs = -1n;
  const ids = (replicas: readonly ReplicaState[]) =>
    `[${replicas.map((replica) => replica.replicaId).join(",")}]`;
  return [
    `ClusterId:              ${clusterId}`,
    `LeaderId:               ${quorum.leaderId}`,
    `LeaderEpoch:            ${quorum.leaderEpoch}`,
    `HighWatermark:          ${quorum.highWatermark}`,
    `MaxFollowerLag:         ${maxFollowerLag}`,
    `MaxFollowerLagTimeMs:   ${maxFollowerLagTimeMs}`,
    `CurrentVoters:          ${ids(quorum.voters)}`,
    `CurrentObservers:       ${ids(quorum.observers)}`,
  ];
}

/** MetadataQuorumCommand.relativeTimeMs failing: a timestamp not between the epoch and now. */
export class ClockDriftError extends JavaException {
  constructor(message: string) {
    super("KafkaException", message);
  }
}

function relativeTimeMs(timestampMs: bigint, nowMs: bigint, description: string): bigint {
  if (!(timestampMs > 0n && timestampMs <= nowMs)) {
    throw new ClockDriftError(
      "Error while computing relative time, possible drift in system clock.\n" +
        `Current timestamp is ${nowMs}, ${description} timestamp is ${timestampMs}`,
    );
  }
  return nowMs - timestampMs;
}

/** handleDescribeReplication's table: the leader, then the other voters, then the observers. */
export function replicationLines(quorum: QuorumInfo, humanReadableNowMs: bigint | null): string[] {
  const leader = leaderOf(quorum);
  const time = (timestamp: bigint | null, description: string): string => {
    if (timestamp === null) return "-1";
    if (humanReadableNowMs === null) return String(timestamp);
    return `${relativeTimeMs(timestamp, humanReadableNowMs, description)} ms ago`;
  };
  const rows = (replicas: readonly ReplicaState[], status: string) =>
    replicas.map((replica) => [
      String(replica.replicaId),
      String(replica.logEndOffset),
      String(leader.logEndOffset - replica.logEndOffset),
      time(replica.lastFetchTimestamp, "last fetch"),
      time(replica.lastCaughtUpTimestamp, "last caught up"),
      status,
    ]);
  return prettyTableLines(
    ["NodeId", "LogEndOffset", "Lag", "LastFetchTimestamp", "LastCaughtUpTimestamp", "Status"],
    [
      ...rows([leader], "Leader"),
      ...rows(
        quorum.voters.filter((voter) => voter.replicaId !== quorum.leaderId),
        "Follower",
      ),
      ...rows(quorum.observers, "Observer"),
    ],
  );
}
