/**
 * The client's front door, shaped like KafkaJS's (`new Kafka({ clientId, brokers })`,
 * then `.producer()`, `.consumer()`, `.admin()`), so what a learner writes here carries
 * over to KafkaJS. The one difference: `transport` is the shell's ClientIo (the page's
 * MessagePorts, Node's TCP, the simulator's network), since the client core does no I/O.
 * Each producer, consumer and admin gets its own ClientCluster (connections and
 * metadata), as each KafkaJS client does.
 */
import { createAdmin, type Admin } from "./admin/admin.ts";
import type { AdminOptions } from "./admin/admin-options.ts";
import type { ClientIo } from "./client-io.ts";
import { ClientCluster } from "./cluster/client-cluster.ts";
import { createConsumer, type Consumer, type ConsumerOptions } from "./consumer/consumer.ts";
import { createProducer } from "./producer/producer.ts";
import type { Producer, ProducerOptions } from "./producer/producer-types.ts";

export interface KafkaConfig {
  /** client.id: named in every request, so brokers and the packet inspector can tell clients apart. */
  clientId?: string;
  /** bootstrap.servers */
  brokers: readonly string[];
  transport: ClientIo;
  /** request.timeout.ms (default 30000). */
  requestTimeout?: number;
  /** metadata.max.age.ms (default 300000). */
  metadataMaxAge?: number;
}

export class Kafka {
  constructor(private readonly config: KafkaConfig) {
    // Checks the bootstrap list now, as KafkaJS and Kafka's config check do.
    this.cluster().close();
  }

  producer(options: ProducerOptions = {}): Producer {
    return createProducer(this.cluster(), options);
  }

  consumer(options: ConsumerOptions): Consumer {
    return createConsumer(this.cluster(), options);
  }

  admin(options: AdminOptions = {}): Admin {
    return createAdmin(this.cluster(), options);
  }

  private cluster(): ClientCluster {
    return new ClientCluster({
      clientId: this.config.clientId ?? "kafka-playground",
      brokers: this.config.brokers,
      io: this.config.transport,
      requestTimeoutMs: this.config.requestTimeout,
      metadataMaxAgeMs: this.config.metadataMaxAge,
    });
  }
}
