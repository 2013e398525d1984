/**
 * The shape of a playground cluster and each node's config: node ids 1..N, the first 1, 3
 * or 5 of them KRaft voters (combined broker + controller), the rest broker-only.
 */
import type { NodeConfig } from "../kafka-node/kafka-node-contract.ts";

export const MAX_NODES = 16;
/** Kafka's default ports, advertised for show: the browser routes by node id. */
const ADVERTISED_PORTS = { PLAINTEXT: 9092, CONTROLLER: 9093 };

/** Node ids and voter ids for `nodes` nodes (default 3) and `voters` voters (default 3, or 1). */
export function clusterShape(nodes = 3, voters?: number): { nodeIds: number[]; voters: number[] } {
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_NODES) {
    throw new RangeError(`a cluster has 1 to ${MAX_NODES} nodes, not ${nodes}`);
  }
  const voterCount = voters ?? (nodes >= 3 ? 3 : 1);
  if (![1, 3, 5].includes(voterCount) || voterCount > nodes) {
    throw new RangeError(
      `the quorum has 1, 3 or 5 voters among the ${nodes} nodes, not ${voterCount}`,
    );
  }
  const nodeIds = Array.from({ length: nodes }, (_, index) => index + 1);
  return { nodeIds, voters: nodeIds.slice(0, voterCount) };
}

export function nodeConfig(
  nodeId: number,
  clusterId: string,
  voters: readonly number[],
  properties: Readonly<Record<string, string>>,
): NodeConfig {
  const host = `broker-${nodeId}`;
  return {
    nodeId,
    clusterId,
    voters: [...voters],
    properties: { ...properties },
    advertised: {
      PLAINTEXT: { host, port: ADVERTISED_PORTS.PLAINTEXT },
      CONTROLLER: { host, port: ADVERTISED_PORTS.CONTROLLER },
    },
  };
}
