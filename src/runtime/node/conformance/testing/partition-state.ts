/**
 * A partition's leader, replicas and ISR as a Kafka client sees them: KafkaJS's
 * admin.fetchTopicMetadata (a Metadata request to any live broker).
 */
import type { Admin } from "kafkajs";

export interface PartitionState {
  leader: number;
  /** In assignment order: the first is the preferred leader. */
  replicas: number[];
  /** Sorted. */
  isr: number[];
}

export async function partitionState(
  admin: Admin,
  topic: string,
  partition: number,
): Promise<PartitionState> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const found = topics[0]?.partitions.find((entry) => entry.partitionId === partition);
  if (found === undefined) throw new Error(`no metadata for ${topic}-${partition}`);
  return {
    leader: found.leader,
    replicas: [...found.replicas],
    isr: [...found.isr].sort((a, b) => a - b),
  };
}
