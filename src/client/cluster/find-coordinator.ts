/**
 * Finds the coordinator of a consumer group (or a transactional id) with FindCoordinator,
 * retrying while the broker says the coordinator is not ready yet (the offsets topic is
 * being created, or its new leader is loading it) until `timeoutMs` has passed.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { FindCoordinatorResponse } from "../../protocol/generated/messages/find-coordinator-response.ts";
import { KafkaProtocolError, isRetriable } from "../kafka-error.ts";
import { backoffMs, type BackoffConfig } from "./backoff.ts";
import type { ClientCluster } from "./client-cluster.ts";

export const COORDINATOR_KEY_GROUP = 0;
export const COORDINATOR_KEY_TRANSACTION = 1;

export interface Coordinator {
  nodeId: number;
  host: string;
  port: number;
}

export async function findCoordinator(
  cluster: ClientCluster,
  key: string,
  options: BackoffConfig & { keyType?: number; timeoutMs?: number } = {},
): Promise<Coordinator> {
  const keyType = options.keyType ?? COORDINATOR_KEY_GROUP;
  const deadline = cluster.io.nowMs() + (options.timeoutMs ?? cluster.requestTimeoutMs);
  for (let attempt = 0; ; attempt++) {
    try {
      return await askOnce(cluster, key, keyType);
    } catch (error) {
      const wait = backoffMs(attempt, options, cluster.io.random);
      if (!isRetriable(error) || cluster.io.nowMs() + wait > deadline) throw error;
      await cluster.sleep(wait);
    }
  }
}

async function askOnce(cluster: ClientCluster, key: string, keyType: number): Promise<Coordinator> {
  const { response, version } = await cluster.requestAny<FindCoordinatorResponse>(
    ApiKey.FindCoordinator,
    { key, keyType, coordinatorKeys: [key] },
  );
  // v4+ answers per key in `coordinators`; older versions at the top level.
  const answer = version >= 4 ? response.coordinators[0] : response;
  if (answer === undefined) {
    throw new KafkaProtocolError(ErrorCode.COORDINATOR_NOT_AVAILABLE, `no answer for ${key}`);
  }
  if (answer.errorCode !== ErrorCode.NONE) {
    throw new KafkaProtocolError(answer.errorCode, answer.errorMessage);
  }
  // A coordinator the client has not seen in Metadata yet (a broker that just joined).
  if (!cluster.metadata.brokers.has(answer.nodeId)) await cluster.refreshMetadata([]);
  return { nodeId: answer.nodeId, host: answer.host, port: answer.port };
}
