/**
 * What the inspector's sparklines plot, read from one store state: each partition's LEO
 * and HW, each topic's records appended, each broker's bytes appended, each client's
 * counters and each group's total lag. Pure, so it can be tested on a hand-made state.
 */
import type { PlaygroundState } from "../store/store.ts";
import { leaderOffsets } from "../store/topics-slice.ts";
import { groupPartitionRows, totalLag } from "./summaries.ts";

export const seriesKey = {
  partitionLeo: (topic: string, partition: number) => `leo:${topic}:${partition}`,
  partitionHw: (topic: string, partition: number) => `hw:${topic}:${partition}`,
  topicLeo: (topic: string) => `topic-leo:${topic}`,
  brokerBytes: (brokerId: number) => `broker-bytes:${brokerId}`,
  producerAcknowledged: (producerId: string) => `producer-acked:${producerId}`,
  consumerConsumed: (consumerId: string) => `consumer-consumed:${consumerId}`,
  groupLag: (groupId: string) => `group-lag:${groupId}`,
};

export type SeriesState = Pick<
  PlaygroundState,
  "topics" | "brokers" | "producers" | "consumers" | "groups"
>;

/** Every value worth a sparkline in `state`, by series key. */
export function seriesValues(state: SeriesState): Map<string, number> {
  const values = new Map<string, number>();
  for (const topic of Object.values(state.topics)) {
    let appended = 0;
    for (const partition of topic.partitions) {
      const offsets = leaderOffsets(partition);
      if (offsets === null) continue;
      values.set(seriesKey.partitionLeo(topic.name, partition.partition), offsets.leo);
      values.set(seriesKey.partitionHw(topic.name, partition.partition), offsets.hw);
      appended += offsets.leo;
    }
    values.set(seriesKey.topicLeo(topic.name), appended);
  }
  for (const broker of Object.values(state.brokers))
    values.set(seriesKey.brokerBytes(broker.id), broker.bytesAppended);
  for (const producer of Object.values(state.producers)) {
    values.set(seriesKey.producerAcknowledged(producer.id), producer.acknowledged);
  }
  for (const consumer of Object.values(state.consumers))
    values.set(seriesKey.consumerConsumed(consumer.id), consumer.consumed);
  for (const group of Object.values(state.groups)) {
    values.set(
      seriesKey.groupLag(group.groupId),
      totalLag(groupPartitionRows(group, state.topics)),
    );
  }
  return values;
}
