/**
 * The cluster a measurement runs on: a ClusterHost with one Web Worker per node, all three
 * KRaft voters and brokers, on OPFS, wiped at creation. Waits until every broker is
 * registered and unfenced (Metadata lists them all) before anyone measures, and creates
 * topics through any broker (it forwards to the active controller), then waits until every
 * partition has a leader and its full ISR.
 */
import type { Connection } from "../../src/client/connection.ts";
import { ClusterHost } from "../../src/runtime/web-worker/cluster-host.ts";
import type { ClusterLayout, LayoutStore } from "../../src/runtime/web-worker/cluster-layout.ts";
import { ErrorCode } from "../../src/protocol/generated/error-codes.ts";

const errorName = (code: number | undefined): string =>
  Object.entries(ErrorCode).find(([, value]) => value === code)?.[0] ??
  "no answer for the partition";
import { encodeRecordBatch } from "../../src/protocol/records/record-batch-encoder.ts";
import {
  connectTo,
  produce,
  createTopic,
  metadata,
  partitionLeaders,
  waitFor,
  type PartitionLeader,
} from "./cluster-requests.ts";

const READINESS_RECORD = (() => {
  const encoded = encodeRecordBatch({
    records: [{ key: null, value: new TextEncoder().encode("ready?"), timestamp: 0n }],
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
})();

/** The layout lives only as long as the benchmark: nothing is left in the profile's localStorage. */
function memoryLayoutStore(): LayoutStore {
  let saved: ClusterLayout | null = null;
  return {
    load: () => saved,
    save: (layout) => void (saved = layout),
    clear: () => void (saved = null),
  };
}

export interface BenchCluster {
  host: ClusterHost;
  nodeIds: number[];
  /** Admin connections (Metadata, CreateTopics), one per node. */
  admin: Map<number, Connection>;
  /** Milliseconds from ClusterHost.create until all brokers were unfenced. */
  startupMs: number;
}

export async function startCluster(
  nodes: number,
  properties: Record<string, string>,
): Promise<BenchCluster> {
  const startedAt = performance.now();
  const host = await ClusterHost.create({
    nodes,
    voters: nodes,
    properties,
    storage: "opfs",
    layoutStore: memoryLayoutStore(),
  });
  const nodeIds = host.nodes().map((node) => node.nodeId);
  const admin = new Map(nodeIds.map((id) => [id, connectTo(host, id, `bench-admin-${id}`)]));
  // A broker is listed in Metadata only once the controller has unfenced it.
  await waitFor("every broker unfenced", async () => {
    for (const connection of admin.values()) {
      const answer = await metadata(connection, []);
      if (answer.brokers.length < nodes) return null;
    }
    return true;
  });
  return { host, nodeIds, admin, startupMs: performance.now() - startedAt };
}

export interface BenchTopic {
  name: string;
  leaders: PartitionLeader[];
  /** Where each partition's log ends once it is ready (after the readiness record). */
  startOffsets: Map<number, bigint>;
}

/**
 * Creates `topic`, waits until every broker's Metadata shows a leader and the full ISR for
 * every partition, then until each leader takes a write: Metadata runs ahead of the leader
 * opening its log, and a real producer would meet NOT_LEADER_OR_FOLLOWER and retry. Each
 * partition gets one small record (acks=all) that consumers of the benchmark skip.
 */
export async function createBenchTopic(
  cluster: BenchCluster,
  topic: string,
  partitions: number,
  replicationFactor: number,
  configs: Record<string, string>,
): Promise<BenchTopic> {
  const via = cluster.admin.get(cluster.nodeIds[0]!)!;
  await createTopic(via, topic, partitions, replicationFactor, configs);
  const leaders = await waitFor(`leaders and full ISR of ${topic}`, async () => {
    let found: PartitionLeader[] | null = null;
    for (const connection of cluster.admin.values()) {
      found = await partitionLeaders(connection, topic);
      if (found === null || found.some((p) => p.isr.length < replicationFactor)) return null;
    }
    return found;
  });
  const startOffsets = new Map<number, bigint>();
  for (const { partition, leaderId } of leaders) {
    const baseOffset = await waitFor(`${topic}-${partition} taking writes`, async () => {
      const outcome = (
        await produce(
          cluster.admin.get(leaderId)!,
          topic,
          [{ partition, records: READINESS_RECORD }],
          -1,
          10_000,
        )
      ).get(partition);
      if (outcome?.errorCode === ErrorCode.NONE) return outcome.baseOffset;
      // Thrown so that waitFor names the last error if it gives up.
      throw new Error(
        `Produce answered error ${outcome?.errorCode} (${errorName(outcome?.errorCode)})`,
      );
    });
    startOffsets.set(partition, baseOffset + 1n);
  }
  return { name: topic, leaders, startOffsets };
}

/** The node that is the active controller (the KRaft quorum's leader), as the nodes report. */
export async function activeController(cluster: BenchCluster): Promise<number> {
  return waitFor("an active controller", async () => {
    for (const nodeId of cluster.nodeIds) {
      const status = await cluster.host.status(nodeId);
      if (status !== null && status.raftLeader >= 0) return status.raftLeader;
    }
    return null;
  });
}

export function stopCluster(cluster: BenchCluster): void {
  for (const connection of cluster.admin.values()) connection.close();
  cluster.host.forget();
}
