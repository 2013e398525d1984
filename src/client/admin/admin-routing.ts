/**
 * Where an admin request goes, as Kafka's AdminClient routes it: requests the controller
 * decides (CreateTopics, DeleteTopics, CreatePartitions, AlterConfigs, ElectLeaders) to the
 * controller Metadata names — in KRaft any broker, which forwards them — describe requests
 * to any broker, and per-node requests to that node. Each request's timeout stops at the
 * call's deadline.
 */
import type { AdminContext } from "./admin-retry.ts";
import { requestTimeout } from "./admin-retry.ts";

/** KafkaJS's default for how long the controller may take over a change (a request's timeoutMs). */
export const DEFAULT_OPERATION_TIMEOUT_MS = 5000;

/**
 * Sends to the controller. A retry first refreshes metadata: the previous controller may
 * have answered NOT_CONTROLLER or gone away.
 */
export async function sendToController<Response>(
  context: AdminContext,
  deadlineMs: number,
  attemptNumber: number,
  apiKey: number,
  body: unknown,
): Promise<{ response: Response; version: number }> {
  const { cluster } = context;
  if (attemptNumber > 0) await cluster.refreshMetadata([]);
  return cluster.requestController<Response>(apiKey, body, requestTimeout(context, deadlineMs));
}

export function sendToAny<Response>(
  context: AdminContext,
  deadlineMs: number,
  apiKey: number,
  body: unknown,
): Promise<{ response: Response; version: number }> {
  return context.cluster.requestAny<Response>(apiKey, body, requestTimeout(context, deadlineMs));
}

/** Sends to broker `nodeId`, learning its address from metadata first if it is not known yet. */
export async function sendToNode<Response>(
  context: AdminContext,
  deadlineMs: number,
  nodeId: number,
  apiKey: number,
  body: unknown,
): Promise<{ response: Response; version: number }> {
  const { cluster } = context;
  if (!cluster.metadata.brokers.has(nodeId)) await cluster.refreshMetadata([]);
  return cluster.request<Response>(nodeId, apiKey, body, requestTimeout(context, deadlineMs));
}
