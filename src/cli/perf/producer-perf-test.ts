/**
 * kafka-producer-perf-test (Kafka's ProducerPerformance): sends --num-records records of
 * --record-size random capital letters (or payloads picked from --payload-file, or the
 * record's number with --payload-monotonic) to --topic as fast as --throughput allows,
 * printing a report line every 5 s and the total with latency percentiles at the end.
 * Every time is node time (io.connect.nowMs()): in the simulator the numbers are those of
 * the simulated network and disks.
 *
 * Payload bytes come from a fixed-seed generator as Kafka's do (SplittableRandom(0)), but
 * not the same generator, so the letters differ from Kafka's.
 */
import type { Producer } from "../../client/producer/producer-types.ts";
import { configObject, kafkaFor } from "../console-producer/client-properties.ts";
import { describeException } from "../framework/java-exception.ts";
import { PendingSends } from "../console-producer/pending-sends.ts";
import { FAILURE, SUCCESS } from "../framework/command-line-utils.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
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

const encoder = new TextEncoder();
const UPPER_A = 65;

/** A fixed-seed 32-bit generator (mulberry32): the same payloads on every run. */
function seededRandom(seed: number): (bound: number) => number {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * bound);
  };
}

/** Java's Scanner with a delimiter: the tokens between delimiters, none before the first or after the last. */
function payloadsOf(text: string, delimiter: string): Uint8Array[] {
  let pattern: RegExp;
  try {
    pattern = new RegExp(delimiter, "u");
  } catch (error) {
    throw new UncaughtToolError(
      `java.util.regex.PatternSyntaxException: ${(error as Error).message}`,
    );
  }
  const tokens = text.split(pattern);
  if (tokens[0] === "") tokens.shift();
  if (tokens.at(-1) === "") tokens.pop();
  return tokens.map((token) => encoder.encode(token));
}

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

/** generateRandomPayload: the next record's value. */
function payloadSource(
  settings: ProducerPerfSettings,
  fromFile: Uint8Array[],
): (index: number) => Uint8Array {
  const random = seededRandom(0);
  if (fromFile.length > 0) return () => fromFile[random(fromFile.length)]!;
  const size = settings.recordSize;
  if (size !== null) {
    return () => {
      const payload = new Uint8Array(size);
      for (let index = 0; index < size; index++) payload[index] = random(26) + UPPER_A;
      return payload;
    };
  }
  return (index) => encoder.encode(String(index));
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
  const nextPayload = payloadSource(settings, payloads);
  const pending = new PendingSends();
  for (let index = 0; index < settings.numRecords; index++) {
    const payload = nextPayload(index);
    const sendStartMs = clock.nowMs();
    const send = producer.send({ topic: settings.topic, messages: [{ value: payload }] });
    await pending.track(
      send.then(
        () => {
          const nowMs = clock.nowMs();
          stats.record(nowMs - sendStartMs, payload.length, nowMs);
        },
        // A failed record is not counted; Kafka prints its stack trace.
        (error: unknown) => io.err(describeException(error)),
      ),
    );
    if (throttler.shouldThrottle(index, sendStartMs)) await throttler.throttle();
  }
  if (settings.printMetrics) {
    // Everything sent before the numbers and the metrics are printed, then close.
    await producer.flush();
    await pending.settled();
    stats.printTotal();
    for (const line of metricsLines(producerMetrics(producer))) io.out(line);
    await producer.disconnect();
  } else {
    await producer.disconnect();
    await pending.settled();
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
