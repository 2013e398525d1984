/**
 * A simulated cluster with topics ready for producer tests, and a reader that fetches a
 * partition back from its leader (decoded, so compression and headers can be checked).
 */
import { decodeRecordBatch } from "../../../protocol/records/record-batch-decoder.ts";
import { iterateRecordBatches } from "../../../protocol/records/record-batch-scan.ts";
import type { RecordBatchHeader } from "../../../protocol/records/batch-header.ts";
import { simClientIo } from "../../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../../runtime/sim/sim-cluster.ts";
import {
  createTopic,
  mustConnect,
  waitForLeaders,
} from "../../../runtime/sim/testing/cluster-requests.ts";
import { readyCluster } from "../../../runtime/sim/testing/ready-cluster.ts";
import { ClientCluster } from "../../cluster/client-cluster.ts";
import { fetchPartition } from "../../testing/consumer-fetch.ts";

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs?: Record<string, string>;
}

export interface ProducerSim {
  sim: SimCluster;
  cluster: ClientCluster;
  /** Leader of each partition by topic, as created. */
  leaders: Map<string, number[]>;
}

export async function producerSim(
  seed: number,
  topics: TopicSpec[],
  brokerProperties: Record<string, string> = {},
): Promise<ProducerSim> {
  const sim = await readyCluster(seed, 3, brokerProperties);
  const leaders = new Map<string, number[]>();
  for (const topic of topics) {
    const created = await createTopic(
      sim,
      1,
      topic.name,
      topic.partitions,
      topic.replicationFactor,
      topic.configs,
    );
    if (created.topics[0]?.errorCode !== 0)
      throw new Error(`seed ${seed}: ${topic.name} not created`);
    const found = await waitForLeaders(sim, 1, topic.name);
    if (found === null) throw new Error(`seed ${seed}: ${topic.name} has no leaders`);
    leaders.set(topic.name, found);
  }
  const cluster = new ClientCluster({
    clientId: "producer-test",
    brokers: ["node-1:9092", "node-2:9092"],
    io: simClientIo(sim, "producer"),
  });
  return { sim, cluster, leaders };
}

export interface ReadRecord {
  offset: bigint;
  key: string | null;
  value: string | null;
  headers: [string, string | null][];
}

export interface ReadBack {
  records: ReadRecord[];
  batches: RecordBatchHeader[];
}

const text = new TextDecoder();

/** Every record of `topic`-`partition` below the high watermark, read from broker `leader`. */
export async function readPartition(
  sim: SimCluster,
  leader: number,
  topic: string,
  partition: number,
): Promise<ReadBack> {
  const connection = mustConnect(sim, `reader-${leader}`, leader);
  const result: ReadBack = { records: [], batches: [] };
  let offset = 0n;
  while (true) {
    const data = await sim.runWhile(fetchPartition(connection, topic, partition, offset));
    if (data.errorCode !== 0)
      throw new Error(`fetch ${topic}-${partition} from ${leader}: error ${data.errorCode}`);
    const bytes = data.records ?? new Uint8Array(0);
    let progressed = false;
    for (const entry of iterateRecordBatches(bytes)) {
      if (entry.kind !== "batch") break;
      const decoded = decodeRecordBatch(bytes, { position: entry.header.position });
      if (!decoded.ok) throw decoded.error;
      result.batches.push(decoded.value.header);
      for (const record of decoded.value.records) {
        if (record.offset < offset) continue;
        result.records.push({
          offset: record.offset,
          key: record.key === null ? null : text.decode(record.key),
          value: record.value === null ? null : text.decode(record.value),
          headers: record.headers.map((header) => [
            header.key,
            header.value === null ? null : text.decode(header.value),
          ]),
        });
      }
      offset = entry.header.lastOffset + 1n;
      progressed = true;
    }
    if (!progressed || offset >= data.highWatermark) break;
  }
  connection.close();
  return result;
}
