/**
 * Waits until every broker of a ProcessCluster is registered and unfenced, as a client
 * sees it: a Metadata answer (on our own connection to `via`) that lists all of them.
 *
 * ProcessCluster.start returns once each node listens and logs "Kafka Server started";
 * our node logs that before it has registered with the controller, while Kafka logs it
 * only after the broker is unfenced. Until then Metadata lists no live brokers and
 * controllerId -1, which KafkaJS's admin cannot use.
 */
import { Connection } from "../../../../client/connection.ts";
import { ApiKey } from "../../../../protocol/generated/api-table.ts";
import type { MetadataResponse } from "../../../../protocol/generated/messages/metadata-response.ts";
import type { ProcessCluster } from "../../testing/process-cluster.ts";
import { TcpTransport } from "../../tcp-transport.ts";
import { waitUntil } from "./wait-until.ts";

export async function liveBrokerIds(cluster: ProcessCluster, via: number): Promise<number[]> {
  const { host, port } = cluster.endpoint(via);
  const connection = new Connection(TcpTransport.connect(host, port), "conformance-ready");
  try {
    const response = await connection.request<MetadataResponse>(ApiKey.Metadata, 12, {
      topics: [],
      allowAutoTopicCreation: false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
    return response.brokers.map((broker) => broker.nodeId).sort((a, b) => a - b);
  } finally {
    connection.close();
  }
}

/** Until every running node's Metadata lists exactly the running nodes. */
export async function waitForLiveBrokers(
  cluster: ProcessCluster,
  timeoutMs = 30_000,
): Promise<void> {
  const running = cluster.brokers
    .map((broker) => broker.nodeId)
    .filter((id) => cluster.isRunning(id));
  const expected = JSON.stringify(running);
  await waitUntil(
    `brokers ${running.join(", ")} to be live`,
    async () => {
      for (const id of running) {
        if (JSON.stringify(await liveBrokerIds(cluster, id)) !== expected) return undefined;
      }
      return true;
    },
    timeoutMs,
  );
}
