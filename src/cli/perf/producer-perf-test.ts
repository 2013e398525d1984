/**
 * kafka-producer-perf-test (Kafka's ProducerPerformance): sends --num-records records of
 * --record-size random capital letters (or payloads picked from --payload-file, or the
 * record's number with --payload-monotonic) to --topic as fast as --throughput allows,
 * printing a report line every 5 s and the total with latency percentiles at the end.
 * Every time is node time (io.connect.nowMs()): in the simulator the numbers are those of
 * the simulated network and disks.
 *
 * As Kafka's tool, it sends record by record with a callback per record (the producer's
 * sendRecord, Java's send(record, callback)), not a promise per record: at hundreds of
 * thousands of records a second, what each record costs the tool is what it measures.
 */
import type { Producer } from "../../client/producer/producer-types.ts";
import { configObject, kafkaFor } from "../console-producer/client-properties.ts";
import { describeException } from "../framework/java-exception.ts";
import { FAILURE, SUCCESS } from "../framework/command-line-utils.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import { OutstandingRecords } from "./outstanding-records.ts";
import { payloadSource, payloadsOf } from "./perf-payloads.ts";
import { metricsLines } from "./print-metrics.ts";
import {
  PRODUCER_PERF_DESCRIPTION,
  PerfArgumentError,
  UncaughtToolError,
  producerPerfParser,
  producerPerfProperties,
  producerPerfSettings,
  type ProducerPerfSettings,
} from "./producer-perf-options.ts";
import { ProducerPerfStats } from "./producer-perf-stats.ts";
import { ThroughputThrottler } from "./throughput-throttler.ts";

/** Records sent and not yet answered before the tool waits for answers (see OutstandingRecords). */
const MAX_OUTSTANDING_RECORDS = 10_000;

/** readPayloadFile: the payloads, announced on standard output as Kafka announces them. */
async function readPayloadFile(settings: ProducerPerfSettings, io: ToolIo): Promise<Uint8Array[]> {
  const path = settings.payloadFile;
  if (path === null) return [];
  io.out(`Reading payloads from: ${path}`);
  const file = await io.files.open(path).catch(() => null);
  if (file === null || file.size() === 0) {
    await file?.close();
    throw new UncaughtToolError(
      "java.lang.IllegalArgumentException: File does not exist or empty file provided.",
    );
  }
  const bytes = file.read(0, file.size()).slice();
  await file.close();
  const payloads = payloadsOf(new TextDecoder().decode(bytes), settings.payloadDelimiter);
  io.out(`Number of messages read: ${payloads.length}`);
  return payloads;
}

async function sendAll(
  producer: Producer,
  settings: ProducerPerfSettings,
  payloads: Uint8Array[],
  io: ToolIo,
): Promise<void> {
  const clock = io.connect;
  const stats = new ProducerPerfStats(settings.numRecords, () => clock.nowMs(), io.out);
  const throttler = new ThroughputThrottler(settings.throughput, clock.nowMs(), clock);
  const nextPayload = payloadSource(settings.recordSize, payloads);
  const outstanding = new OutstandingRecords(MAX_OUTSTANDING_RECORDS);
  for (let index = 0; index < settings.numRecords; index++) {
    const payload = nextPayload(index);
    const bytes = payload.length;
    const sendStartMs = clock.nowMs();
    outstanding.sent();
    // As Kafka's perf tool: send(record, callback), and the callback times the record. The
    // record's timestamp is its send time, as the producer would stamp it, read once here
    // (a clock read costs as much as the rest of a send in some shells); the callback's
    // "now" is when the producer handled the answer, read once per answer.
    const record = { topic: settings.topic, value: payload, timestamp: sendStartMs };
    const queued = producer.sendRecord(record, (error, metadata) => {
      outstanding.answered();
      // A failed record is not counted; Kafka prints its stack trace.
      if (error !== null || metadata === null) io.err(describeException(error));
      else stats.record(metadata.acknowledgedAtMs - sendStartMs, bytes, metadata.acknowledgedAtMs);
    });
    // Java's send() blocks until the record is in the buffer; so does this loop.
    if (queued !== null) await queued;
    const room = outstanding.room();
    if (room !== null) await room;
    if (throttler.shouldThrottle(index, sendStartMs)) await throttler.throttle();
  }
  if (settings.printMetrics) {
    // Everything sent before the numbers and the metrics are printed, then close.
    await producer.flush();
    await outstanding.allAnswered();
    stats.printTotal();
    for (const line of metricsLines(producerMetrics(producer))) io.out(line);
    await producer.disconnect();
  } else {
    await producer.disconnect();
    await outstanding.allAnswered();
    stats.printTotal();
  }
}

function producerMetrics(producer: Producer) {
  return Object.entries(producer.metrics).map(([name, value]) => ({
    group: "producer-metrics",
    name,
    tags: { "client-id": "perf-producer-client" },
    value,
  }));
}

async function runProducerPerf(args: readonly string[], io: ToolIo): Promise<number> {
  const parser = producerPerfParser();
  if (args.length === 0) {
    parser.printHelp(io);
    return SUCCESS;
  }
  // -h prints the help and, as Kafka's tool handles argparse4j's help "error", exits 1.
  const parsed = parser.parse(args, io);
  if (!parsed.ok) return FAILURE;
  let producer: Producer | null = null;
  try {
    const settings = producerPerfSettings(parsed.parsed.values);
    const payloads = await readPayloadFile(settings, io);
    const properties = producerPerfProperties(settings.producerProps ?? []);
    if (!properties.has("bootstrap.servers")) {
      throw new UncaughtToolError(
        'org.apache.kafka.common.config.ConfigException: Missing required configuration "bootstrap.servers" which has no default value.',
      );
    }
    producer = kafkaFor(properties, io.connect).producer(configObject(properties));
    await producer.connect();
    await sendAll(producer, settings, payloads, io);
    return SUCCESS;
  } catch (error) {
    await producer?.disconnect().catch(() => undefined);
    if (error instanceof PerfArgumentError) {
      parser.printError(io, error.message);
      return FAILURE;
    }
    const detail = error instanceof UncaughtToolError ? error.message : describeException(error);
    io.err(`Exception in thread "main" ${detail}`);
    return FAILURE;
  }
}

export const producerPerfTool: Tool = {
  name: "kafka-producer-perf-test",
  usage: PRODUCER_PERF_DESCRIPTION,
  run: runProducerPerf,
  commandLine: () => producerPerfParser().commandLine(),
};
