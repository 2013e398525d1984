/**
 * Which node leads the KRaft quorum (the active controller), asked as
 * kafka-metadata-quorum.sh asks: DescribeQuorum on a voter's CONTROLLER listener. A voter
 * that does not lead still names the leader it knows.
 */
import { Connection } from "../../../../client/connection.ts";
import { ApiKey } from "../../../../protocol/generated/api-table.ts";
import type { DescribeQuorumResponse } from "../../../../protocol/generated/messages/describe-quorum-response.ts";
import type { ProcessCluster } from "../../testing/process-cluster.ts";
import { TcpTransport } from "../../tcp-transport.ts";

export async function quorumLeader(cluster: ProcessCluster, via: number): Promise<number> {
  const endpoint = cluster.brokers.find((broker) => broker.nodeId === via)?.controller;
  if (endpoint === null || endpoint === undefined) throw new Error(`node ${via} is not a voter`);
  const connection = new Connection(
    TcpTransport.connect(endpoint.host, endpoint.port),
    "conformance-quorum",
  );
  try {
    const response = await connection.request<DescribeQuorumResponse>(ApiKey.DescribeQuorum, 1, {
      topics: [{ topicName: "__cluster_metadata", partitions: [{ partitionIndex: 0 }] }],
    });
    const leaderId = response.topics[0]?.partitions[0]?.leaderId;
    if (leaderId === undefined)
      throw new Error(`DescribeQuorum failed with error code ${response.errorCode}`);
    return leaderId;
  } finally {
    connection.close();
  }
}
