/**
 * A preferred leader election (ElectLeaders v2, election type 0) for one partition, sent
 * on our own connection: KafkaJS's admin has no electLeaders. The broker forwards it to
 * the active controller, as kafka-leader-election.sh's request would be.
 */
import { Connection } from "../../../../client/connection.ts";
import { ApiKey } from "../../../../protocol/generated/api-table.ts";
import type { ElectLeadersResponse } from "../../../../protocol/generated/messages/elect-leaders-response.ts";
import type { HostPort } from "../../endpoint-lists.ts";
import { TcpTransport } from "../../tcp-transport.ts";

const PREFERRED = 0;

/** The partition's error code in the answer (0 when the preferred replica now leads). */
export async function electPreferredLeader(
  via: HostPort,
  topic: string,
  partition: number,
): Promise<number> {
  const connection = new Connection(
    TcpTransport.connect(via.host, via.port),
    "conformance-election",
  );
  try {
    const response = await connection.request<ElectLeadersResponse>(ApiKey.ElectLeaders, 2, {
      electionType: PREFERRED,
      topicPartitions: [{ topic, partitions: [partition] }],
      timeoutMs: 10_000,
    });
    if (response.errorCode !== 0) return response.errorCode;
    const result = response.replicaElectionResults[0]?.partitionResult.find(
      (entry) => entry.partitionId === partition,
    );
    if (result === undefined)
      throw new Error(`ElectLeaders answered nothing for ${topic}-${partition}`);
    return result.errorCode;
  } finally {
    connection.close();
  }
}
