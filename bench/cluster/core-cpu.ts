/**
 * `npx tsx bench/cluster/core-cpu.ts [acks] [requests]`: the broker core's CPU per record
 * batch, with no browser around it. The cluster benchmark's produce run (three brokers,
 * six partitions led two by each, replication factor 3, min.insync.replicas=2, 16 KiB
 * batches of 100-byte records, five Produce requests in flight per leader, one batch per
 * partition per request) runs in the simulator: the same core, on in-memory pipes and
 * disks, on virtual time, in one thread. What it measures is the process's CPU time per
 * batch (brokers, the simulated network and the producer together), which on a shared
 * machine is steadier than the browser benchmark's throughput.
 *
 * Run it under `node --cpu-prof` (NODE_OPTIONS="--cpu-prof --cpu-prof-dir=DIR") to see
 * where the time goes; nothing is printed but the figures.
 */
import { ApiKey } from "../../src/protocol/generated/api-table.ts";
import { ErrorCode } from "../../src/protocol/generated/error-codes.ts";
import type { ProduceResponse } from "../../src/protocol/generated/messages/produce-response.ts";
import type { Connection } from "../../src/client/connection.ts";
import { readyCluster } from "../../src/runtime/sim/testing/ready-cluster.ts";
import {
  createTopic,
  mustConnect,
  waitForLeaders,
} from "../../src/runtime/sim/testing/cluster-requests.ts";
import { buildBenchBatch } from "../log/bench-batch.ts";

const acks = Number(process.argv[2] ?? "-1");
const measuredRequests = Number(process.argv[3] ?? "6000");
const warmupRequests = Math.ceil(measuredRequests / 4);
const IN_FLIGHT = 5;
const TOPIC = "core-cpu";

const cluster = await readyCluster(1, 3);
const created = await createTopic(cluster, 1, TOPIC, 6, 3, { "min.insync.replicas": "2" });
if (created.topics[0]?.errorCode !== ErrorCode.NONE) throw new Error("could not create the topic");
const leaders = await waitForLeaders(cluster, 1, TOPIC);
if (leaders === null) throw new Error("no leaders");
// Wait until every partition's ISR is full, as the browser benchmark does.
await cluster.scheduler.runFor(3000);
const batch = buildBenchBatch(16_384, 100, 0n);

const byLeader = new Map<number, number[]>();
leaders.forEach((leader, partition) =>
  byLeader.set(leader, [...(byLeader.get(leader) ?? []), partition]),
);
const streams = [...byLeader].map(([leader, partitions]) => ({
  connection: mustConnect(cluster, "producer", leader) as Connection,
  partitions,
}));

let sent = 0;
let answered = 0;
let batchesAnswered = 0;
let failure: string | null = null;
const total = warmupRequests + measuredRequests;
let measureFrom: {
  cpu: NodeJS.CpuUsage;
  wallMs: number;
  virtualMs: number;
  batches: number;
} | null = null;
let finished: () => void = () => {};
const done = new Promise<void>((resolve) => (finished = resolve));

function send(stream: (typeof streams)[number]): void {
  if (sent >= total) return;
  sent++;
  stream.connection
    .request<ProduceResponse>(ApiKey.Produce, 9, {
      transactionalId: null,
      acks,
      timeoutMs: 30_000,
      topicData: [
        {
          name: TOPIC,
          partitionData: stream.partitions.map((index) => ({ index, records: batch.bytes })),
        },
      ],
    })
    .then(
      (response) => {
        for (const topic of response.responses)
          for (const partition of topic.partitionResponses)
            if (partition.errorCode !== ErrorCode.NONE)
              failure ??= `partition ${partition.index}: error ${partition.errorCode}`;
        answered++;
        batchesAnswered += stream.partitions.length;
        if (answered === warmupRequests)
          measureFrom = {
            cpu: process.cpuUsage(),
            wallMs: performance.now(),
            virtualMs: cluster.scheduler.nowMs(),
            batches: batchesAnswered,
          };
        if (answered === total || failure !== null) finished();
        else send(stream);
      },
      (error: unknown) => {
        failure ??= String(error);
        finished();
      },
    );
}

for (const stream of streams) for (let slot = 0; slot < IN_FLIGHT; slot++) send(stream);
await cluster.runWhile(done);
if (failure !== null) throw new Error(failure);
const from = measureFrom!;
const cpu = process.cpuUsage(from.cpu);
const batches = batchesAnswered - from.batches;
const cpuUs = cpu.user + cpu.system;
console.log(
  JSON.stringify({
    acks,
    batches,
    cpuUsPerBatch: Math.round((cpuUs / batches) * 10) / 10,
    wallUsPerBatch: Math.round(((performance.now() - from.wallMs) * 1000) / batches),
    virtualMsPerBatch: (cluster.scheduler.nowMs() - from.virtualMs) / batches,
  }),
);
process.exit(0);
