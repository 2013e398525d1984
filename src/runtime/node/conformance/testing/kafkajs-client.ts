/**
 * A KafkaJS client for a ProcessCluster: every broker as a bootstrap server, quiet logs
 * (KafkaJS logs each retry at WARN/ERROR, which is expected noise while a broker is down),
 * and a short connection timeout so a killed broker is given up on quickly.
 */
import { Kafka, logLevel, type RetryOptions } from "kafkajs";
import type { ProcessCluster } from "../../testing/process-cluster.ts";

export interface ConformanceClientOptions {
  clientId: string;
  retry?: RetryOptions;
}

export function kafkaFor(cluster: ProcessCluster, options: ConformanceClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: cluster.bootstrapServers.split(","),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 10_000,
    retry: options.retry ?? { initialRetryTime: 100, retries: 8 },
  });
}
