/**
 * A custom partitioner, as a worked example: "one hot key gets its own partition" — the
 * BananaPartitioner of Kafka: The Definitive Guide (chapter 3). One customer ("Banana")
 * writes so much that, hashed like everyone else, it would share a partition with other
 * keys and make that partition the slow one. So the hot key always gets the LAST
 * partition to itself, and every other key is hashed (Kafka's murmur2) over the rest.
 *
 * Use it with KafkaJS's option:
 *   createProducer(cluster, { createPartitioner: () => createHotKeyPartitioner({ hotKey: "Banana" }) })
 *
 * Trade-offs worth knowing (and why Kafka does not ship this): the hot key's partition is
 * still served by one broker and read by one consumer of a group; adding partitions moves
 * every other key (the modulus changes); and keyless records have no customer to route by,
 * so — as in the book — they are refused.
 */
import type { Partitioner } from "../producer-types.ts";
import { toBytes } from "../message-bytes.ts";
import { partitionForKey } from "./murmur2.ts";

export function createHotKeyPartitioner(options: { hotKey: string | Uint8Array }): Partitioner {
  const hotKey = toBytes(options.hotKey, "hotKey")!;
  return ({ topic, partitionMetadata, message }) => {
    const keyBytes = toBytes(message.key, "key");
    if (keyBytes === null) {
      // The book throws InvalidRecordException here: every record must name its customer.
      throw new TypeError(`${topic}: the hot-key partitioner needs a key on every message`);
    }
    const partitionCount = partitionMetadata.length;
    if (partitionCount === 1) return 0;
    const lastPartition = partitionCount - 1;
    if (sameBytes(keyBytes, hotKey)) return lastPartition;
    // Everyone else shares partitions 0 .. n-2.
    return partitionForKey(keyBytes, lastPartition);
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
