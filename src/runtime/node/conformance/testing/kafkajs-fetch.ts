/**
 * A Fetch through KafkaJS's own low-level cluster and broker objects, so KafkaJS's
 * decoder (not ours) reads our Fetch responses. KafkaJS's consumer needs the group APIs;
 * the cluster behind it is reachable only through the client's private factory, found
 * here by its symbol's description (KafkaJS 2.2.4's `private:Kafka:createCluster`).
 */
import type { Kafka } from "kafkajs";

export interface KafkaJsFetchedMessage {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[] | undefined>;
}

interface KafkaJsBroker {
  fetch(request: {
    replicaId?: number;
    isolationLevel?: number;
    maxWaitTime?: number;
    minBytes?: number;
    maxBytes?: number;
    topics: {
      topic: string;
      partitions: { partition: number; fetchOffset: string; maxBytes: number }[];
    }[];
  }): Promise<{
    responses: {
      topicName: string;
      partitions: {
        partition: number;
        errorCode: number;
        highWatermark: string;
        messages: KafkaJsFetchedMessage[];
      }[];
    }[];
  }>;
}

interface KafkaJsCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  findBroker(options: { nodeId: number }): Promise<KafkaJsBroker>;
}

const CREATE_CLUSTER = "private:Kafka:createCluster";
const MAX_BYTES = 1 << 20;

export class KafkaJsFetcher {
  private constructor(private readonly cluster: KafkaJsCluster) {}

  static async connect(kafka: Kafka): Promise<KafkaJsFetcher> {
    const symbol = Object.getOwnPropertySymbols(kafka).find(
      (each) => each.description === CREATE_CLUSTER,
    );
    if (symbol === undefined)
      throw new Error(`KafkaJS has no ${CREATE_CLUSTER} (not version 2.2.x?)`);
    const factory = (kafka as unknown as Record<symbol, (options: object) => KafkaJsCluster>)[
      symbol
    ]!;
    const cluster = factory.call(kafka, { allowAutoTopicCreation: false });
    await cluster.connect();
    return new KafkaJsFetcher(cluster);
  }

  /** Every message from `fromOffset` to the high watermark, fetched from `leader` (KafkaJS's default READ_COMMITTED). */
  async readPartition(
    leader: number,
    topic: string,
    partition: number,
    fromOffset = 0n,
  ): Promise<KafkaJsFetchedMessage[]> {
    await this.cluster.refreshMetadata();
    const broker = await this.cluster.findBroker({ nodeId: leader });
    const messages: KafkaJsFetchedMessage[] = [];
    let offset = fromOffset;
    for (;;) {
      const response = await broker.fetch({
        maxWaitTime: 0,
        minBytes: 0,
        maxBytes: MAX_BYTES,
        topics: [
          {
            topic,
            partitions: [{ partition, fetchOffset: offset.toString(), maxBytes: MAX_BYTES }],
          },
        ],
      });
      const data = response.responses[0]!.partitions[0]!;
      const fresh = data.messages.filter((message) => BigInt(message.offset) >= offset);
      messages.push(...fresh);
      if (fresh.length > 0) offset = BigInt(fresh[fresh.length - 1]!.offset) + 1n;
      if (offset >= BigInt(data.highWatermark)) return messages;
      if (fresh.length === 0)
        throw new Error(`no progress at offset ${offset} (high watermark ${data.highWatermark})`);
    }
  }

  async disconnect(): Promise<void> {
    await this.cluster.disconnect();
  }
}
