/**
 * The iteration order of java.util.HashMap / HashSet, reproduced.
 *
 * Kafka's assignors walk HashMaps in a few places where the order decides the result: which
 * members the sticky assignor lets keep the larger quota, which partition PartitionMovements
 * hands back, the order of topics in a range assignment. To give exactly the assignment a
 * Java group leader gives, we iterate in the order Java would.
 *
 * A HashMap built with `new HashMap<>()` starts with 16 buckets and doubles whenever its size
 * passes 0.75 of the bucket count (it never shrinks). A key's bucket is
 * `(h ^ (h >>> 16)) & (buckets - 1)` of its hashCode h. Iteration walks the buckets in order
 * and each bucket in insertion order: a resize splits a bucket keeping the relative order,
 * and a removed then re-added key goes to the tail. Not reproduced: a bucket turned into a
 * tree, which needs 8 colliding keys in a table of at least 64 buckets.
 */

const INITIAL_BUCKETS = 16;
const LOAD_FACTOR = 0.75;

/** java.lang.String.hashCode over UTF-16 code units, as a signed 32-bit int. */
export function javaStringHashCode(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) hash = (Math.imul(31, hash) + value.charCodeAt(i)) | 0;
  return hash;
}

/** org.apache.kafka.common.TopicPartition.hashCode: 31 * (31 + partition) + topic.hashCode(). */
export function javaTopicPartitionHashCode(topic: string, partition: number): number {
  return (Math.imul(31, (31 + partition) | 0) + javaStringHashCode(topic)) | 0;
}

function bucketOf(hashCode: number, buckets: number): number {
  return (hashCode ^ (hashCode >>> 16)) & (buckets - 1);
}

/** Buckets of a default HashMap that has held `maxSize` entries at once. */
export function javaHashMapBuckets(maxSize: number): number {
  let buckets = INITIAL_BUCKETS;
  while (maxSize > buckets * LOAD_FACTOR) buckets *= 2;
  return buckets;
}

/**
 * The keys of `new HashMap<>()` after putting `keys` in this order (a repeated key keeps its
 * first position), in the order Java iterates them.
 */
export function javaHashMapOrder<K>(keys: Iterable<K>, hashCode: (key: K) => number): K[] {
  const distinct = [...new Set(keys)];
  const buckets = javaHashMapBuckets(distinct.length);
  const placed = distinct.map((key, insertion) => ({
    key,
    insertion,
    bucket: bucketOf(hashCode(key), buckets),
  }));
  placed.sort((a, b) => a.bucket - b.bucket || a.insertion - b.insertion);
  return placed.map((entry) => entry.key);
}

/** javaHashMapOrder for string keys, the common case (member ids, topic names). */
export function javaStringKeyOrder(keys: Iterable<string>): string[] {
  return javaHashMapOrder(keys, javaStringHashCode);
}

/**
 * A `new HashSet<>()` that tracks adds and removes so that `first()` returns what
 * `iterator().next()` would return in Java.
 */
export class JavaHashSet<K> {
  private readonly insertionOf = new Map<K, number>();
  private nextInsertion = 0;
  private buckets = INITIAL_BUCKETS;

  constructor(private readonly hashCode: (key: K) => number) {}

  get size(): number {
    return this.insertionOf.size;
  }

  has(key: K): boolean {
    return this.insertionOf.has(key);
  }

  add(key: K): void {
    if (this.insertionOf.has(key)) return;
    this.insertionOf.set(key, this.nextInsertion++);
    if (this.insertionOf.size > this.buckets * LOAD_FACTOR) this.buckets *= 2;
  }

  delete(key: K): void {
    this.insertionOf.delete(key);
  }

  /** The element Java's iterator yields first; undefined when empty. */
  first(): K | undefined {
    let best: K | undefined;
    let bestBucket = Infinity;
    let bestInsertion = Infinity;
    for (const [key, insertion] of this.insertionOf) {
      const bucket = bucketOf(this.hashCode(key), this.buckets);
      if (bucket < bestBucket || (bucket === bestBucket && insertion < bestInsertion)) {
        best = key;
        bestBucket = bucket;
        bestInsertion = insertion;
      }
    }
    return best;
  }
}
