/**
 * Once a second of node time, one sample of each chart, named as Kafka names them:
 * MessagesInPerSec and BytesInPerSec (records and bytes appended on partition leaders),
 * UnderReplicatedPartitions, records-lag-max (the worst group lag behind the HW),
 * request-latency-p99 (the producers' send-to-acknowledgement p99) and IsrSize (the
 * smallest ISR of any partition).
 */
import type { MetricName } from "../store/activity-slice.ts";
import type { PlaygroundState } from "../store/store.ts";
import { leaderOffsets, partitionKey } from "../store/topics-slice.ts";

export class MetricsSampler {
  private records = 0;
  private bytes = 0;

  countAppended(records: number, bytes: number): void {
    this.records += records;
    this.bytes += bytes;
  }

  /** The sample for the last `elapsedMs`; resets the counters. */
  sample(state: PlaygroundState, elapsedMs: number): Record<MetricName, number> {
    const perSecond = elapsedMs > 0 ? 1000 / elapsedMs : 0;
    const values = {
      MessagesInPerSec: this.records * perSecond,
      BytesInPerSec: this.bytes * perSecond,
      UnderReplicatedPartitions: 0,
      "records-lag-max": 0,
      "request-latency-p99": 0,
      IsrSize: 0,
    };
    this.records = 0;
    this.bytes = 0;
    let smallestIsr = Infinity;
    for (const topic of Object.values(state.topics)) {
      if (topic.internal) continue;
      for (const partition of topic.partitions) {
        if (partition.isr.length < partition.replicas.length) values.UnderReplicatedPartitions += 1;
        smallestIsr = Math.min(smallestIsr, partition.isr.length);
        const hw = leaderOffsets(partition)?.hw;
        if (hw === undefined) continue;
        for (const group of Object.values(state.groups)) {
          const committed = group.committed[partitionKey(topic.name, partition.partition)];
          if (committed !== undefined)
            values["records-lag-max"] = Math.max(values["records-lag-max"], hw - committed);
        }
      }
    }
    values.IsrSize = Number.isFinite(smallestIsr) ? smallestIsr : 0;
    for (const producer of Object.values(state.producers)) {
      values["request-latency-p99"] = Math.max(
        values["request-latency-p99"],
        producer.latencyP99Ms ?? 0,
      );
    }
    return values;
  }
}
