/**
 * Applies a batch the controller wrote to its working image, at the offsets the log gave
 * them, and tells the page what the batch decided: brokers registered, fenced, unfenced or
 * shutting down, topics created or deleted, leaders and ISRs changed.
 */
import type { MetadataImage } from "../metadata/metadata-image.ts";
import type { MetadataRecord } from "../metadata/metadata-record.ts";
import type { TelemetryEvent, TelemetrySink } from "../telemetry/telemetry-event.ts";

export function applyRecords(
  image: MetadataImage,
  records: readonly MetadataRecord[],
  lastOffset: bigint,
  node: number,
  telemetry: TelemetrySink,
): void {
  const firstOffset = lastOffset - BigInt(records.length - 1);
  const createdTopics: string[] = [];
  records.forEach((record, i) => {
    const removed =
      record.type === "RemoveTopicRecord" ? image.topicsById.get(record.data.topicId) : undefined;
    image.apply(record, firstOffset + BigInt(i));
    if (record.type === "TopicRecord") createdTopics.push(record.data.name);
    if (removed !== undefined) {
      telemetry.emit({
        kind: "topic",
        node,
        topic: removed.name,
        action: "deleted",
        partitions: removed.partitions.size,
      });
    }
    for (const event of eventsOf(image, record, node)) telemetry.emit(event);
  });
  // A topic's partitions follow its TopicRecord: count them once the batch is in.
  for (const name of createdTopics) {
    const partitions = image.topicsByName.get(name)?.partitions.size ?? 0;
    telemetry.emit({ kind: "topic", node, topic: name, action: "created", partitions });
  }
}

function eventsOf(image: MetadataImage, record: MetadataRecord, node: number): TelemetryEvent[] {
  switch (record.type) {
    case "RegisterBrokerRecord":
      return [{ kind: "broker", node, broker: record.data.brokerId, action: "registered" }];
    case "FenceBrokerRecord":
      return [{ kind: "broker", node, broker: record.data.id, action: "fenced" }];
    case "UnfenceBrokerRecord":
      return [{ kind: "broker", node, broker: record.data.id, action: "unfenced" }];
    case "BrokerRegistrationChangeRecord": {
      const { brokerId: broker, fenced, inControlledShutdown } = record.data;
      const events: TelemetryEvent[] = [];
      if (inControlledShutdown === 1)
        events.push({ kind: "broker", node, broker, action: "controlled-shutdown" });
      if (fenced !== 0)
        events.push({ kind: "broker", node, broker, action: fenced === 1 ? "fenced" : "unfenced" });
      return events;
    }
    case "PartitionRecord":
    case "PartitionChangeRecord": {
      const topic = image.topicsById.get(record.data.topicId);
      const partition = topic?.partitions.get(record.data.partitionId);
      if (topic === undefined || partition === undefined) return [];
      const where = { node, topic: topic.name, partition: partition.partition };
      const events: TelemetryEvent[] = [];
      const leaderSet = record.type === "PartitionRecord" || record.data.leader !== -2;
      const isrSet = record.type === "PartitionChangeRecord" && record.data.isr !== null;
      if (leaderSet)
        events.push({
          kind: "leader-changed",
          ...where,
          leader: partition.leader,
          leaderEpoch: partition.leaderEpoch,
        });
      if (isrSet) {
        events.push({
          kind: "isr-changed",
          ...where,
          isr: [...partition.isr],
          leaderEpoch: partition.leaderEpoch,
          partitionEpoch: partition.partitionEpoch,
        });
      }
      return events;
    }
    default:
      return [];
  }
}
