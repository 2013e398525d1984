/**
 * The user's producer and consumer settings as Kafka's client configs: the names and the
 * values a Java client's properties file would hold, so what the learner reads here is
 * what they will type at work.
 */
import type { AssignorName, ConsumerSettings, ProducerSettings } from "../store/clients-slice.ts";

export interface KafkaConfigLine {
  name: string;
  value: string;
  /** Kafka's fully qualified value where the shown one is shortened (a class name). */
  fullValue?: string;
}

const PRODUCER_PACKAGE = "org.apache.kafka.clients.producer.";
const CONSUMER_PACKAGE = "org.apache.kafka.clients.consumer.";

const ASSIGNOR_CLASSES: Record<AssignorName, string> = {
  range: "RangeAssignor",
  roundrobin: "RoundRobinAssignor",
  sticky: "StickyAssignor",
  "cooperative-sticky": "CooperativeStickyAssignor",
};

export function producerConfigLines(settings: ProducerSettings): KafkaConfigLine[] {
  return [
    { name: "acks", value: settings.acks },
    { name: "linger.ms", value: String(settings.lingerMs) },
    { name: "batch.size", value: String(settings.batchSize) },
    { name: "enable.idempotence", value: String(settings.idempotence) },
    settings.partitioner === "round-robin"
      ? {
          name: "partitioner.class",
          value: "RoundRobinPartitioner",
          fullValue: `${PRODUCER_PACKAGE}RoundRobinPartitioner`,
        }
      : // Kafka's default since 3.3: no class, the built-in partitioner (murmur2 / sticky).
        { name: "partitioner.class", value: "null" },
  ];
}

export function consumerConfigLines(settings: ConsumerSettings): KafkaConfigLine[] {
  const assignor = ASSIGNOR_CLASSES[settings.assignor];
  return [
    { name: "group.id", value: settings.groupId },
    {
      name: "partition.assignment.strategy",
      value: assignor,
      fullValue: `${CONSUMER_PACKAGE}${assignor}`,
    },
    { name: "session.timeout.ms", value: String(settings.sessionTimeoutMs) },
    { name: "enable.auto.commit", value: String(settings.autoCommit) },
    // Kafka's default is null: a dynamic member, a new member id at every join.
    {
      name: "group.instance.id",
      value: settings.groupInstanceId === "" ? "null" : settings.groupInstanceId,
    },
    { name: "auto.offset.reset", value: settings.fromBeginning ? "earliest" : "latest" },
  ];
}
