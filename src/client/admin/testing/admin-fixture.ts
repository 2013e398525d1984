/**
 * An admin client on a simulated cluster, for the admin tests: bootstrapped from one
 * broker, with the simulator's virtual time, and a way to produce records with chosen
 * timestamps straight to a partition's leader.
 */
import { ApiKey } from "../../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../../protocol/generated/error-codes.ts";
import type { ProduceResponse } from "../../../protocol/generated/messages/produce-response.ts";
import { encodeRecordBatch } from "../../../protocol/records/record-batch-encoder.ts";
import { simClientIo } from "../../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../../runtime/sim/sim-cluster.ts";
import { ClientCluster } from "../../cluster/client-cluster.ts";
import { CONTROLLER_LISTENER } from "../../node-requester.ts";
import { createAdmin, type Admin } from "../admin.ts";
import type { AdminOptions } from "../admin-options.ts";

export interface AdminFixture {
  admin: Admin;
  cluster: ClientCluster;
}

export function adminOn(
  sim: SimCluster,
  options: AdminOptions & {
    bootstrap?: string;
    clientName?: string;
    requestTimeoutMs?: number;
  } = {},
): AdminFixture {
  const cluster = new ClientCluster({
    clientId: "admin-test",
    brokers: [options.bootstrap ?? "node-1:9092"],
    io: simClientIo(sim, options.clientName ?? "admin"),
    requestTimeoutMs: options.requestTimeoutMs,
  });
  return { admin: createAdmin(cluster, options), cluster };
}

/** Appends one batch of `values` (timestamps as given) to a partition at its leader; acks=all. */
export async function produceAt(
  sim: SimCluster,
  cluster: ClientCluster,
  topic: string,
  partition: number,
  values: string[],
  timestampsMs: number[],
): Promise<bigint> {
  const metadata = await sim.runWhile(cluster.refreshMetadata([topic]));
  const leader = metadata.topics.get(topic)?.partitions[partition]?.leader ?? -1;
  if (leader < 0) throw new Error(`${topic}-${partition} has no leader`);
  const batch = encodeRecordBatch({
    records: values.map((value, index) => ({
      key: null,
      value: new TextEncoder().encode(value),
      timestamp: BigInt(timestampsMs[index]!),
    })),
  });
  if (!batch.ok) throw batch.error;
  const { response } = await sim.runWhile(
    cluster.request<ProduceResponse>(leader, ApiKey.Produce, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 10_000,
      topicData: [{ name: topic, partitionData: [{ index: partition, records: batch.value }] }],
    }),
  );
  const answer = response.responses[0]!.partitionResponses[0]!;
  if (answer.errorCode !== ErrorCode.NONE) throw new Error(`produce failed: ${answer.errorCode}`);
  return answer.baseOffset;
}

/**
 * An admin client bootstrapped at node `nodeId`'s CONTROLLER listener, as
 * kafka-metadata-quorum --bootstrap-controller connects: only KRaft requests are served there.
 */
export function controllerAdminOn(
  sim: SimCluster,
  nodeId: number,
  options: AdminOptions = {},
): Admin {
  const dial = sim.clientDialer("quorum-admin");
  const io = simClientIo(sim, "quorum-admin");
  const cluster = new ClientCluster({
    clientId: "quorum-admin",
    brokers: [`node-${nodeId}:9093`],
    io: {
      ...io,
      connect: ({ host, port }) =>
        /^node-\d+$/.test(host)
          ? dial({ nodeId: Number(host.slice(5)), listener: CONTROLLER_LISTENER, host, port })
          : null,
    },
  });
  return createAdmin(cluster, options);
}
