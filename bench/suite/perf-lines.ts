/**
 * The perf tools' command lines as the suite types them, and their report lines read back
 * into numbers. The figures are what kafka-producer-perf-test and kafka-consumer-perf-test
 * print, nothing recomputed: the suite reads the tools' output as people read Kafka's.
 */

export interface ProducerPerfArgs {
  topic: string;
  numRecords: number;
  recordSize: number;
  throughput: number;
  /** --producer-props, in order: bootstrap.servers first, then acks and the rest. */
  props: Record<string, string>;
}

export function producerPerfArgs(options: ProducerPerfArgs): string[] {
  return [
    "--topic",
    options.topic,
    "--num-records",
    String(options.numRecords),
    "--record-size",
    String(options.recordSize),
    "--throughput",
    String(options.throughput),
    "--producer-props",
    ...Object.entries(options.props).map(([name, value]) => `${name}=${value}`),
  ];
}

export function consumerPerfArgs(options: {
  bootstrapServers: string;
  topic: string;
  messages: number;
  timeoutMs: number;
}): string[] {
  return [
    "--bootstrap-server",
    options.bootstrapServers,
    "--topic",
    options.topic,
    "--messages",
    String(options.messages),
    "--timeout",
    String(options.timeoutMs),
  ];
}

/** The total line of kafka-producer-perf-test (the one with percentiles). */
export interface ProducerPerfTotal {
  records: number;
  recordsPerSecond: number;
  megabytesPerSecond: number;
  averageLatencyMs: number;
  maxLatencyMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  p999Ms: number;
}

const PRODUCER_TOTAL =
  /^(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.$/;

/** The last total line among `lines`, or null if the tool printed none. */
export function parseProducerPerfTotal(lines: readonly string[]): ProducerPerfTotal | null {
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = PRODUCER_TOTAL.exec(lines[index]!.trim());
    if (match === null) continue;
    const [records, perSecond, megabytes, average, max, p50, p95, p99, p999] = match
      .slice(1)
      .map(Number) as [number, number, number, number, number, number, number, number, number];
    return {
      records,
      recordsPerSecond: perSecond,
      megabytesPerSecond: megabytes,
      averageLatencyMs: average,
      maxLatencyMs: max,
      p50Ms: p50,
      p95Ms: p95,
      p99Ms: p99,
      p999Ms: p999,
    };
  }
  return null;
}

/** kafka-consumer-perf-test's totals, by its header's names. */
export interface ConsumerPerfTotal {
  startTime: string;
  endTime: string;
  megabytes: number;
  megabytesPerSecond: number;
  records: number;
  recordsPerSecond: number;
  rebalanceMs: number;
  fetchMs: number;
  fetchMegabytesPerSecond: number;
  fetchRecordsPerSecond: number;
}

export const CONSUMER_PERF_HEADER =
  "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, " +
  "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

/** The line after the header, or null if the tool printed no header or no line after it. */
export function parseConsumerPerfTotal(lines: readonly string[]): ConsumerPerfTotal | null {
  const header = lines.findIndex((line) => line.trim() === CONSUMER_PERF_HEADER);
  const line = header === -1 ? undefined : lines[header + 1];
  if (line === undefined) return null;
  const fields = line.split(", ");
  if (fields.length !== 10) return null;
  const [startTime, endTime, ...numbers] = fields as [string, string, ...string[]];
  const values = numbers.map(Number);
  if (values.some(Number.isNaN)) return null;
  const [mb, mbPerSecond, records, perSecond, rebalance, fetch, fetchMb, fetchRecords] = values as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    startTime,
    endTime,
    megabytes: mb,
    megabytesPerSecond: mbPerSecond,
    records,
    recordsPerSecond: perSecond,
    rebalanceMs: rebalance,
    fetchMs: fetch,
    fetchMegabytesPerSecond: fetchMb,
    fetchRecordsPerSecond: fetchRecords,
  };
}
