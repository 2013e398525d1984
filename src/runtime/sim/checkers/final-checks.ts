/**
 * Checks made once the faults are healed and every node runs again:
 *   - every record acknowledged with acks=all is in the log at the offset it was given;
 *   - no idempotent producer's record is in the log twice;
 *   - all ISR members hold the same records below the HW.
 */
import type { SimCluster } from "../sim-cluster.ts";
import type { AcknowledgedBatch } from "../workload/sim-producer.ts";

const decoder = new TextDecoder();

export function checkAcknowledgedAndUnique(
  cluster: SimCluster,
  topic: string,
  partitions: number,
  acknowledged: readonly AcknowledgedBatch[],
): string[] {
  const problems: string[] = [];
  for (let partition = 0; partition < partitions; partition++) {
    const leader = leaderOf(cluster, topic, partition);
    if (leader === null) {
      problems.push(`${topic}-${partition} has no leader at the end`);
      continue;
    }
    const info = cluster
      .node(leader)!
      .inspect()
      .find((p) => p.topic === topic && p.partition === partition)!;
    const records = cluster
      .node(leader)!
      .readRecords(topic, partition, info.logStartOffset, info.highWatermark);
    const byOffset = new Map(
      records.map((r) => [r.offset, r.value === null ? null : decoder.decode(r.value)]),
    );
    const seen = new Map<string, bigint>();
    for (const record of records) {
      const value = record.value === null ? "" : decoder.decode(record.value);
      const first = seen.get(value);
      if (first !== undefined)
        problems.push(
          `${topic}-${partition}: "${value}" is in the log twice (offsets ${first} and ${record.offset})`,
        );
      else seen.set(value, record.offset);
    }
    for (const batch of acknowledged.filter((b) => b.partition === partition)) {
      batch.values.forEach((value, i) => {
        const offset = batch.baseOffset + BigInt(i);
        if (offset < info.logStartOffset) return;
        const found = byOffset.get(offset);
        if (found !== value)
          problems.push(
            `${topic}-${partition}: acknowledged "${value}" at offset ${offset}, the log holds ${found === undefined ? "nothing (below the HW)" : `"${found}"`}`,
          );
      });
    }
  }
  return problems;
}

export function checkReplicasAgree(
  cluster: SimCluster,
  topic: string,
  partitions: number,
): string[] {
  const problems: string[] = [];
  for (let partition = 0; partition < partitions; partition++) {
    const leader = leaderOf(cluster, topic, partition);
    if (leader === null) continue;
    const info = cluster
      .node(leader)!
      .inspect()
      .find((p) => p.topic === topic && p.partition === partition)!;
    const reference = cluster
      .node(leader)!
      .readRecords(topic, partition, info.logStartOffset, info.highWatermark);
    for (const member of info.isr) {
      if (member === leader || cluster.node(member) === null) continue;
      const held = cluster
        .node(member)!
        .inspect()
        .find((p) => p.topic === topic && p.partition === partition);
      if (held === undefined) {
        problems.push(`${topic}-${partition}: ISR member ${member} does not hold the partition`);
        continue;
      }
      const from =
        held.logStartOffset > info.logStartOffset ? held.logStartOffset : info.logStartOffset;
      const theirs = cluster.node(member)!.readRecords(topic, partition, from, info.highWatermark);
      const ours = reference.filter((r) => r.offset >= from);
      if (theirs.length !== ours.length) {
        problems.push(
          `${topic}-${partition}: ISR member ${member} holds ${theirs.length} records below the HW ${info.highWatermark}, the leader ${ours.length}`,
        );
        continue;
      }
      ours.forEach((record, i) => {
        const other = theirs[i]!;
        if (other.offset !== record.offset || !sameBytes(other.value, record.value)) {
          problems.push(
            `${topic}-${partition}: replicas ${leader} and ${member} differ at offset ${record.offset}`,
          );
        }
      });
    }
  }
  return problems;
}

function leaderOf(cluster: SimCluster, topic: string, partition: number): number | null {
  for (const id of cluster.nodeIds) {
    const held = cluster
      .node(id)
      ?.inspect()
      .find((p) => p.topic === topic && p.partition === partition);
    if (held?.role === "leader") return id;
  }
  return null;
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
