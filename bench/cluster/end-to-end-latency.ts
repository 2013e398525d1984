/**
 * End-to-end latency at a fixed rate: a producer sends records at `recordsPerSecond`
 * (record i is due at start + i / rate, in turn to each partition) and a consumer in the
 * same worker long-polls every leader with plain Fetch requests (fetch.min.bytes 1,
 * fetch.max.wait.ms 500, as Kafka's consumer defaults). A record's latency runs from the
 * moment it was due (the application's send()) to the moment the Fetch response holding
 * it arrived, so time spent waiting for a free in-flight slot or a batch counts too.
 *
 * The producer behaves like Kafka's: a partition's batch is ready once it holds batch.size
 * bytes of records or its first record has waited linger.ms (5 by default since Kafka 4.0),
 * and whenever a connection has fewer than max.in.flight (5) requests out, one request
 * takes the ready batch of every partition that broker leads. Batches are encoded when sent (a producer at
 * a moderate rate has nothing ready in advance), each value carrying the record's number.
 * A cluster that cannot take the rate falls behind; once sending lags the schedule by
 * `maxLagMs` the run stops sending, and the result says how many of the scheduled records
 * went out (their latencies include the backlog).
 */
import type { Connection } from "../../src/client/connection.ts";
import { ErrorCode } from "../../src/protocol/generated/error-codes.ts";
import { decodeRecordBatch } from "../../src/protocol/records/record-batch-decoder.ts";
import { encodeRecordBatch } from "../../src/protocol/records/record-batch-encoder.ts";
import { iterateRecordBatches } from "../../src/protocol/records/record-batch-scan.ts";
import type { RecordInput } from "../../src/protocol/records/record-batch-input.ts";
import type { BenchCluster, BenchTopic } from "./bench-cluster.ts";
import {
  connectTo,
  consumerFetch,
  MAX_IN_FLIGHT_PER_CONNECTION,
  produce,
} from "./cluster-requests.ts";
import { LatencySamples, type LatencySummary } from "./latency-samples.ts";
import { preciseSleep } from "./precise-sleep.ts";

export interface LatencyOptions {
  acks: number;
  recordsPerSecond: number;
  /** Records due in this first stretch are sent and received but not counted. */
  warmupMs: number;
  measureMs: number;
  valueBytes: number;
  /** How many records fit one batch of batch.size bytes. */
  recordsPerBatchMax: number;
  /** linger.ms: how long a partition's records may wait for more before a batch goes out anyway. */
  lingerMs: number;
  requestTimeoutMs: number;
  /** How long the consumer gives up on missing records after the last was sent. */
  drainLimitMs: number;
  /**
   * How far sending may fall behind the schedule before the run stops sending: a cluster
   * that cannot take the rate would otherwise stretch the run without end.
   */
  maxLagMs: number;
}

export interface EndToEndResult {
  acks: number;
  targetRecordsPerSecond: number;
  /** Records sent over the time from the first due to the last sent. */
  achievedRecordsPerSecond: number;
  /** Records the schedule had; fewer were sent when the cluster could not keep up. */
  scheduledRecords: number;
  sentRecords: number;
  produceRequests: number;
  fetchResponses: number;
  /** From due to received, over the records due after the warm-up. */
  endToEnd: LatencySummary;
  /** Produce round trips (send to acknowledgement), per record, after the warm-up. */
  produceAck: LatencySummary;
}

const FETCH = { maxWaitMs: 500, minBytes: 1, partitionMaxBytes: 1_048_576, maxBytes: 52_428_800 };

interface Stream {
  leaderId: number;
  producer: Connection;
  consumer: Connection;
  /** Indexes (into the topic's partition list) this broker leads. */
  slots: number[];
  inFlight: number;
}

export async function measureEndToEndLatency(
  cluster: BenchCluster,
  topic: BenchTopic,
  options: LatencyOptions,
): Promise<EndToEndResult> {
  const partitions = topic.leaders.map((leader) => leader.partition);
  const slotCount = partitions.length;
  const total = Math.round(
    (options.recordsPerSecond * (options.warmupMs + options.measureMs)) / 1000,
  );
  const intervalMs = 1000 / options.recordsPerSecond;
  const receivedAt = new Float64Array(total).fill(Number.NaN);
  const nextIndex = partitions.map((_, slot) => slot);
  const produceAck = new LatencySamples(total);
  const streams = streamsOf(cluster, topic);
  let received = 0;
  let sentRecords = 0;
  let sending = true;
  let lastSentAt = 0;
  let produceRequests = 0;
  let fetchResponses = 0;
  let failure: Error | null = null;
  const fail = (error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
  };
  const startedAt = performance.now() + 20;
  const dueAt = (index: number) => startedAt + index * intervalMs;
  const measuredFrom = Math.ceil(options.warmupMs / intervalMs);

  const pump = (): void => {
    const now = performance.now();
    const due = Math.min(total, Math.floor((now - startedAt) / intervalMs) + 1);
    if (!sending) return;
    for (const stream of streams) {
      if (stream.inFlight >= MAX_IN_FLIGHT_PER_CONNECTION || failure !== null) continue;
      const batches: { partition: number; records: Uint8Array; first: number; count: number }[] =
        [];
      for (const slot of stream.slots) {
        const first = nextIndex[slot]!;
        const waiting = first < due ? Math.floor((due - 1 - first) / slotCount) + 1 : 0;
        const full = waiting >= options.recordsPerBatchMax;
        if (waiting === 0 || (!full && now - dueAt(first) < options.lingerMs)) continue;
        const records: RecordInput[] = [];
        let index = first;
        while (index < due && records.length < options.recordsPerBatchMax) {
          records.push(benchRecord(index, dueAt(index), options.valueBytes));
          index += slotCount;
        }
        if (records.length === 0) continue;
        nextIndex[slot] = index;
        const encoded = encodeRecordBatch({ records });
        if (!encoded.ok) throw encoded.error;
        batches.push({
          partition: partitions[slot]!,
          records: encoded.value,
          first,
          count: records.length,
        });
      }
      if (batches.length === 0) continue;
      stream.inFlight++;
      produceRequests++;
      const sentAt = performance.now();
      for (const batch of batches) sentRecords += batch.count;
      lastSentAt = sentAt;
      produce(stream.producer, topic.name, batches, options.acks, options.requestTimeoutMs).then(
        (outcomes) => {
          stream.inFlight--;
          const ackedAt = performance.now();
          for (const batch of batches) {
            const outcome = outcomes.get(batch.partition);
            if (outcome?.errorCode !== ErrorCode.NONE) {
              fail(new Error(`produce to ${batch.partition}: error ${outcome?.errorCode}`));
            } else if (batch.first >= measuredFrom) produceAck.add(ackedAt - sentAt, batch.count);
          }
          pump();
        },
        (error: unknown) => fail(error),
      );
    }
  };

  const consume = async (stream: Stream): Promise<void> => {
    const offsets = new Map(
      stream.slots.map((slot) => [partitions[slot]!, topic.startOffsets.get(partitions[slot]!)!]),
    );
    while (
      (sending || received < sentRecords) &&
      failure === null &&
      performance.now() < deadline()
    ) {
      const response = await consumerFetch(
        stream.consumer,
        topic.name,
        [...offsets].map(([partition, fetchOffset]) => ({ partition, fetchOffset })),
        FETCH,
      );
      const arrivedAt = performance.now();
      fetchResponses++;
      for (const data of response.responses[0]?.partitions ?? []) {
        if (data.errorCode !== ErrorCode.NONE)
          throw new Error(`fetch ${data.partitionIndex}: error ${data.errorCode}`);
        const fetchOffset = offsets.get(data.partitionIndex)!;
        offsets.set(data.partitionIndex, takeRecords(data.records, fetchOffset, arrivedAt));
      }
    }
  };

  const takeRecords = (
    bytes: Uint8Array | null,
    fetchOffset: bigint,
    arrivedAt: number,
  ): bigint => {
    let next = fetchOffset;
    if (bytes === null) return next;
    for (const entry of iterateRecordBatches(bytes, { verifyCrc: false })) {
      if (entry.kind !== "batch") break; // a partial batch at the end of a fetch is normal
      if (entry.header.lastOffset < next) continue;
      const decoded = decodeRecordBatch(bytes, { position: entry.header.position });
      if (!decoded.ok) throw new Error(`fetched a bad batch: ${decoded.error.message}`);
      for (const record of decoded.value.records) {
        if (record.offset < next) continue;
        const index = recordIndex(record.value);
        if (index >= total || !wasSent(index) || !Number.isNaN(receivedAt[index]!)) {
          throw new Error(`record ${index} arrived twice or was never sent`);
        }
        receivedAt[index] = arrivedAt;
        received++;
      }
      next = entry.header.lastOffset + 1n;
    }
    return next;
  };

  const wasSent = (index: number) => index < nextIndex[index % slotCount]!;
  const deadline = () => (sending ? Number.POSITIVE_INFINITY : lastSentAt + options.drainLimitMs);
  const consumers = Promise.all(streams.map((stream) => consume(stream).catch(fail)));
  const sendingEndsAt = startedAt + options.warmupMs + options.measureMs + options.maxLagMs;
  while (sentRecords < total && failure === null && performance.now() < sendingEndsAt) {
    pump();
    await preciseSleep(0.25);
  }
  sending = false;
  await consumers;
  for (const stream of streams) {
    stream.producer.close();
    stream.consumer.close();
  }
  if (failure !== null) throw failure;
  if (received < sentRecords)
    throw new Error(`only ${received} of ${sentRecords} records sent arrived`);

  const endToEnd = new LatencySamples(total);
  for (let index = measuredFrom; index < total; index++) {
    if (wasSent(index)) endToEnd.add(receivedAt[index]! - dueAt(index));
  }
  return {
    acks: options.acks,
    targetRecordsPerSecond: options.recordsPerSecond,
    achievedRecordsPerSecond: sentRecords / ((lastSentAt - startedAt) / 1000),
    scheduledRecords: total,
    sentRecords,
    produceRequests,
    fetchResponses,
    endToEnd: endToEnd.summary(),
    produceAck: produceAck.summary(),
  };
}

function streamsOf(cluster: BenchCluster, topic: BenchTopic): Stream[] {
  const byLeader = new Map<number, number[]>();
  topic.leaders.forEach(({ leaderId }, slot) =>
    byLeader.set(leaderId, [...(byLeader.get(leaderId) ?? []), slot]),
  );
  return [...byLeader].map(([leaderId, slots]) => ({
    leaderId,
    producer: connectTo(cluster.host, leaderId, "e2e-latency-producer"),
    consumer: connectTo(cluster.host, leaderId, "e2e-latency-consumer"),
    slots,
    inFlight: 0,
  }));
}

const valueTemplates = new Map<number, Uint8Array>();

/** A `valueBytes`-byte value whose first four bytes are the record's number. */
function benchRecord(index: number, dueAtMs: number, valueBytes: number): RecordInput {
  let template = valueTemplates.get(valueBytes);
  if (template === undefined) {
    template = Uint8Array.from(
      { length: valueBytes },
      (_, position) => (position * 131 + 17) & 0xff,
    );
    valueTemplates.set(valueBytes, template);
  }
  const value = template.slice();
  new DataView(value.buffer).setUint32(0, index, true);
  return { key: null, value, timestamp: BigInt(Math.round(performance.timeOrigin + dueAtMs)) };
}

function recordIndex(value: Uint8Array | null): number {
  if (value === null || value.length < 4) return Number.MAX_SAFE_INTEGER;
  return new DataView(value.buffer, value.byteOffset, 4).getUint32(0, true);
}
