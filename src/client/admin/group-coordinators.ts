/**
 * Requests a consumer group's coordinator answers (DescribeGroups, DeleteGroups,
 * OffsetFetch, OffsetCommit), sent as Kafka's AdminClient sends them: the coordinator
 * found with FindCoordinator for each call, the groups one coordinator owns in one
 * request, and groups whose coordinator moved or is still loading (NOT_COORDINATOR,
 * COORDINATOR_NOT_AVAILABLE, COORDINATOR_LOAD_IN_PROGRESS, a lost connection) looked up
 * again and re-sent until the deadline.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { findCoordinator } from "../cluster/find-coordinator.ts";
import { AdminProtocolError, requireArgument } from "./admin-error.ts";
import { failed, settleEach, succeeded, type AdminContext, type Outcome } from "./admin-retry.ts";
import { sendToNode } from "./admin-routing.ts";

export type CoordinatorSend = <Response>(
  apiKey: number,
  body: unknown,
) => Promise<{ response: Response; version: number }>;

/**
 * Settles each group by asking its coordinator: `ask` gets a way to send to one
 * coordinator and the groups it coordinates, and answers an outcome for each.
 */
export async function settleByCoordinator<V>(
  context: AdminContext,
  deadlineMs: number,
  groupIds: readonly string[],
  ask: (send: CoordinatorSend, groupIds: string[]) => Promise<Map<string, Outcome<V>>>,
): Promise<Map<string, Outcome<V>>> {
  const { cluster, settings } = context;
  return settleEach(context, deadlineMs, groupIds, async (pending) => {
    const outcomes = new Map<string, Outcome<V>>();
    const byCoordinator = new Map<number, string[]>();
    await Promise.all(
      pending.map(async (groupId) => {
        try {
          const timeoutMs = Math.max(1, deadlineMs - cluster.io.nowMs());
          const { nodeId } = await findCoordinator(cluster, groupId, { ...settings, timeoutMs });
          byCoordinator.set(nodeId, [...(byCoordinator.get(nodeId) ?? []), groupId]);
        } catch (error) {
          outcomes.set(groupId, failed(asGroupError(error, groupId)));
        }
      }),
    );
    await Promise.all(
      [...byCoordinator].map(async ([nodeId, groups]) => {
        const send: CoordinatorSend = (apiKey, body) =>
          sendToNode(context, deadlineMs, nodeId, apiKey, body);
        try {
          for (const [groupId, outcome] of await ask(send, groups)) outcomes.set(groupId, outcome);
        } catch (error) {
          for (const groupId of groups) outcomes.set(groupId, failed(error as Error));
        }
      }),
    );
    return outcomes;
  });
}

/** A FindCoordinator failure, named after the group when it is a Kafka error. */
function asGroupError(error: unknown, groupId: string): Error {
  if (error instanceof AdminProtocolError || !(error instanceof Error)) return error as Error;
  if ("errorCode" in error && typeof error.errorCode === "number") {
    return new AdminProtocolError(error.errorCode, { groupId }, "finding its coordinator");
  }
  return error;
}

/** The outcome for a group of its error code in a coordinator's answer. */
export function groupOutcome<V>(
  groupId: string,
  errorCode: number | undefined,
  value: () => V,
): Outcome<V> {
  if (errorCode === undefined) {
    return failed(new AdminProtocolError(ErrorCode.UNKNOWN_SERVER_ERROR, { groupId }, "no answer"));
  }
  if (errorCode !== ErrorCode.NONE) return failed(new AdminProtocolError(errorCode, { groupId }));
  return succeeded(value());
}

export function requireGroupId(groupId: unknown): asserts groupId is string {
  requireArgument(
    typeof groupId === "string" && groupId.length > 0,
    `Invalid groupId ${String(groupId)}`,
  );
}

export function requireGroupIds(groupIds: unknown): asserts groupIds is string[] {
  requireArgument(Array.isArray(groupIds), `Invalid groupIds array ${String(groupIds)}`);
  for (const groupId of groupIds as unknown[]) requireGroupId(groupId);
}
