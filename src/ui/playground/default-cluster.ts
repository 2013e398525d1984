/**
 * What a first visit starts with: three brokers (all KRaft voters) and a topic `orders`
 * with 3 partitions, replication factor 3 and min.insync.replicas=2, so acks=all survives
 * one broker down and stops at two, which is the first thing worth breaking.
 */
export const DEFAULT_NODES = 3;

export const DEFAULT_TOPIC = {
  topic: "orders",
  numPartitions: 3,
  replicationFactor: 3,
  configEntries: [{ name: "min.insync.replicas", value: "2" }],
};

/**
 * The lines this playground adds to every broker's server.properties. Kafka's brokers look
 * for expired segments every 5 minutes; a learner who sets retention.ms to watch old
 * segments go should not wait that long, so the playground checks every 30 s of cluster
 * time (the brokers' configs show the value as set in server.properties, and the
 * docker-compose export carries it too).
 */
export const PLAYGROUND_SERVER_PROPERTIES: Readonly<Record<string, string>> = {
  "log.retention.check.interval.ms": "30000",
};

export const STORAGE_CHOICE_KEY = "kafka-playground.storage";

export type StorageSetting = "auto" | "opfs" | "indexeddb" | "memory";

export function savedStorageChoice(storage: Storage = localStorage): StorageSetting {
  const saved = storage.getItem(STORAGE_CHOICE_KEY);
  return saved === "opfs" || saved === "indexeddb" || saved === "memory" ? saved : "auto";
}

export function saveStorageChoice(choice: StorageSetting, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_CHOICE_KEY, choice);
}
