/**
 * A deep copy of a MetadataImage: the active controller's working state starts as a copy of
 * the committed image and runs ahead of it, like Kafka's timeline data structures, while
 * the node's own committed image stays what the quorum agreed on.
 */
import { MetadataImage, type BrokerRegistration, type TopicImage } from "../metadata/metadata-image.ts";

export function cloneMetadataImage(source: MetadataImage): MetadataImage {
  const copy = new MetadataImage();
  for (const [id, broker] of source.brokers) copy.brokers.set(id, cloneBroker(broker));
  for (const topic of source.topicsById.values()) {
    const topicCopy: TopicImage = { id: topic.id, name: topic.name, partitions: new Map() };
    for (const [index, partition] of topic.partitions) {
      topicCopy.partitions.set(index, { ...partition, replicas: [...partition.replicas], isr: [...partition.isr] });
    }
    copy.topicsById.set(topicCopy.id, topicCopy);
    copy.topicsByName.set(topicCopy.name, topicCopy);
  }
  for (const [key, entries] of source.configs) copy.configs.set(key, new Map(entries));
  for (const [name, level] of source.features) copy.features.set(name, level);
  copy.nextProducerId = source.nextProducerId;
  copy.offset = source.offset;
  return copy;
}

function cloneBroker(broker: BrokerRegistration): BrokerRegistration {
  return { ...broker, endpoints: broker.endpoints.map((endpoint) => ({ ...endpoint })) };
}
