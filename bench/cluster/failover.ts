/**
 * Failover time: a producer writes to one partition with acks=all (min.insync.replicas=2)
 * one request after another; once it has written for a while, the partition leader's
 * worker is killed (ClusterHost.kill: worker.terminate(), no goodbye). The producer then
 * behaves like Kafka's: the in-flight request fails, it waits retry.backoff.ms, asks a live
 * broker for Metadata and sends to whichever leader that names, until a write is accepted.
 * Failover time runs from the kill to that first accepted write.
 *
 * The killed leader is one that is not the active controller, so the figure is the broker
 * failover (session timeout, fencing, election) and not a KRaft election on top.
 */
import type { Connection } from "../../src/client/connection.ts";
import { ErrorCode } from "../../src/protocol/generated/error-codes.ts";
import type { BenchBatch } from "../log/bench-batch.ts";
import { activeController, type BenchCluster, type BenchTopic } from "./bench-cluster.ts";
import { connectTo, partitionLeaders, produce, sleep } from "./cluster-requests.ts";

export interface FailoverOptions {
  sessionTimeoutMs: number;
  /** How long the producer writes before the kill. */
  produceBeforeKillMs: number;
  /** Kafka's retry.backoff.ms default, 100 (kept flat: no exponential growth). */
  retryBackoffMs: number;
  requestTimeoutMs: number;
  /** Give up when writes are not accepted again this long after the kill. */
  limitMs: number;
}

export interface FailoverResult {
  sessionTimeoutMs: number;
  partition: number;
  killedLeader: number;
  activeController: number;
  newLeader: number;
  /** Kill → first write accepted by the new leader. */
  failoverMs: number;
  /** Kill → first Metadata answer naming another leader. */
  leaderMovedMs: number;
  writesBeforeKill: number;
  failedAttempts: number;
}

export async function measureFailover(
  cluster: BenchCluster,
  topic: BenchTopic,
  batch: BenchBatch,
  options: FailoverOptions,
): Promise<FailoverResult> {
  const controller = await activeController(cluster);
  const victim = topic.leaders.find((leader) => leader.leaderId !== controller);
  if (victim === undefined) throw new Error("every partition is led by the active controller");
  const survivors = cluster.nodeIds.filter((id) => id !== victim.leaderId);
  const write = (connection: Connection) =>
    produce(
      connection,
      topic.name,
      [{ partition: victim.partition, records: batch.bytes }],
      -1,
      options.requestTimeoutMs,
    ).then(
      (outcomes) => outcomes.get(victim.partition)?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR,
    );

  let connection: Connection | null = connectTo(cluster.host, victim.leaderId, "failover-producer");
  let leaderId = victim.leaderId;
  let writesBeforeKill = 0;
  let killedAt: number | null = null;
  let leaderMovedAt: number | null = null;
  let failedAttempts = 0;
  const startedAt = performance.now();
  const killing = (async () => {
    await sleep(options.produceBeforeKillMs);
    killedAt = performance.now();
    await cluster.host.kill(victim.leaderId);
  })();

  while (true) {
    const now = performance.now();
    if (killedAt !== null && now - killedAt > options.limitMs) {
      throw new Error(`writes were not accepted again within ${options.limitMs} ms of the kill`);
    }
    if (killedAt === null && now - startedAt > options.produceBeforeKillMs * 10) {
      throw new Error("the kill did not happen");
    }
    const errorCode = connection === null ? null : await write(connection).catch(() => null);
    if (errorCode === ErrorCode.NONE) {
      if (killedAt !== null && leaderId !== victim.leaderId) break;
      if (killedAt === null) writesBeforeKill++;
      continue;
    }
    if (killedAt === null) throw new Error(`a write failed before the kill (error ${errorCode})`);
    // As Kafka's producer: back off, refresh metadata from a live broker, retry where it says.
    failedAttempts++;
    connection?.close();
    connection = null;
    await sleep(options.retryBackoffMs);
    const via = cluster.admin.get(survivors[failedAttempts % survivors.length]!)!;
    const leaders = await partitionLeaders(via, topic.name).catch(() => null);
    const leader = leaders?.find((p) => p.partition === victim.partition)?.leaderId ?? -1;
    if (leader < 0) continue;
    if (leader !== victim.leaderId) leaderMovedAt ??= performance.now();
    leaderId = leader;
    try {
      connection = connectTo(cluster.host, leader, "failover-producer");
    } catch {
      connection = null; // the dead leader refuses: try again after the next backoff
    }
  }
  const acceptedAt = performance.now();
  await killing;
  connection?.close();
  const killTime = killedAt ?? acceptedAt;
  return {
    sessionTimeoutMs: options.sessionTimeoutMs,
    partition: victim.partition,
    killedLeader: victim.leaderId,
    activeController: controller,
    newLeader: leaderId,
    failoverMs: acceptedAt - killTime,
    leaderMovedMs: (leaderMovedAt ?? acceptedAt) - killTime,
    writesBeforeKill,
    failedAttempts,
  };
}
