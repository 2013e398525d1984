/**
 * kafka-consumer-perf-test (Kafka's ConsumerPerformance): a group member reads --topic (or
 * the topics matching --include) until it has --messages records or --timeout ms pass
 * without one, then prints, under Kafka's header, one line of totals:
 *
 *   start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
 *   2024-05-01 12:00:00:000, 2024-05-01 12:00:03:250, 0.9537, 0.2935, 10000, 3076.9231, 3012, 238, 4.0072, 42016.8067
 *
 * (or a line per --reporting-interval with --show-detailed-stats). rebalance.time.ms is
 * the time spent joining the group; fetch.time.ms the rest. As in Kafka, a poll's records
 * are all counted, so the total can pass --messages. Every time is node time.
 */
import { CONSUMER_EVENTS } from "../../client/consumer/consumer-events.ts";
import type { Consumer } from "../../client/consumer/consumer.ts";
import type { EachBatchPayload, TopicPartition } from "../../client/consumer/consumer-types.ts";
import { includePattern } from "../console-consumer/include-pattern.ts";
import { configObject, kafkaFor } from "../console-producer/client-properties.ts";
import { describeException, JavaException } from "../framework/java-exception.ts";
import { FAILURE, SUCCESS } from "../framework/command-line-utils.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import {
  consumerPerfOptionParser,
  consumerPerfSettings,
  CONSUMER_PERF_DESCRIPTION,
  type ConsumerPerfSettings,
} from "./consumer-perf-options.ts";
import { formatFixed, simpleDateFormat } from "../framework/java-format.ts";
import { metricsLines, type MetricEntry } from "./print-metrics.ts";

const BYTES_PER_MB = 1024 * 1024;
/** Kafka's loop polls for 100 ms at a time and checks the timeout between polls. */
const POLL_MS = 100;
const HEADER_END = ", rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

const f4 = (value: number) => formatFixed(value, 4);

/** ConsumerPerfRebListener: time from losing every partition (or starting) to getting some. */
class JoinTimer {
  totalMs = 0;
  /** Kafka's single-round counter; see reportProgress for why it stops counting after one report. */
  singleRound = { ms: 0 };
  private readonly assigned = new Set<string>();

  constructor(
    private joinStartMs: number,
    private readonly nowMs: () => number,
  ) {}

  onPartitionsRevoked = (partitions: TopicPartition[]): void => {
    for (const each of partitions) this.assigned.delete(`${each.topic}-${each.partition}`);
    if (this.assigned.size === 0) this.joinStartMs = this.nowMs();
  };

  onPartitionsAssigned = (partitions: TopicPartition[]): void => {
    if (this.assigned.size === 0) {
      const elapsedMs = this.nowMs() - this.joinStartMs;
      this.totalMs += elapsedMs;
      this.singleRound.ms += elapsedMs;
    }
    for (const each of partitions) this.assigned.add(`${each.topic}-${each.partition}`);
  };
}

class PerfConsumeLoop {
  messagesRead = 0;
  bytesRead = 0;
  fetches = 0;
  fetchLatencyTotalMs = 0;
  fetchLatencyMaxMs = 0;
  private lastMessagesRead = 0;
  private lastBytesRead = 0;
  private lastReportMs: number;
  private lastConsumedMs: number;
  private roundJoin: { ms: number };
  private done = false;
  private finish!: () => void;
  readonly finished = new Promise<void>((resolve) => (this.finish = resolve));

  constructor(
    private readonly settings: ConsumerPerfSettings,
    private readonly consumer: Consumer,
    private readonly joins: JoinTimer,
    private readonly io: ToolIo,
    private readonly date: (epochMs: number) => string,
  ) {
    this.lastReportMs = io.connect.nowMs();
    this.lastConsumedMs = this.lastReportMs;
    this.roundJoin = joins.singleRound;
    consumer.on(CONSUMER_EVENTS.FETCH, (event) => {
      this.fetches++;
      this.fetchLatencyTotalMs += event.payload.duration;
      this.fetchLatencyMaxMs = Math.max(this.fetchLatencyMaxMs, event.payload.duration);
    });
    if (settings.numMessages <= 0) this.stop();
    else this.schedulePoll();
  }

  readonly eachBatch = async ({ batch }: EachBatchPayload): Promise<void> => {
    if (this.done) return;
    const nowMs = this.io.connect.nowMs();
    if (batch.messages.length > 0) this.lastConsumedMs = nowMs;
    for (const message of batch.messages) {
      this.messagesRead++;
      this.bytesRead += (message.key?.length ?? 0) + (message.value?.length ?? 0);
      if (nowMs - this.lastReportMs >= this.settings.reportingIntervalMs)
        this.reportProgress(nowMs);
    }
    if (this.messagesRead >= this.settings.numMessages) this.stop();
  };

  private reportProgress(nowMs: number): void {
    if (this.settings.showDetailedStats) this.io.out(this.progressLine(nowMs));
    // Kafka replaces its single-round counter with a new one here while the rebalance
    // listener keeps adding to the old one, so later lines show 0: kept as Kafka prints it.
    this.roundJoin = { ms: 0 };
    this.lastReportMs = nowMs;
    this.lastMessagesRead = this.messagesRead;
    this.lastBytesRead = this.bytesRead;
  }

  private progressLine(endMs: number): string {
    const elapsedMs = endMs - this.lastReportMs;
    const intervalMb = (this.bytesRead - this.lastBytesRead) / BYTES_PER_MB;
    const intervalMessages = this.messagesRead - this.lastMessagesRead;
    const joinMs = this.roundJoin.ms;
    const fetchMs = elapsedMs - joinMs;
    return [
      this.date(endMs),
      "0",
      f4(this.bytesRead / BYTES_PER_MB),
      f4((1000 * intervalMb) / elapsedMs),
      String(this.messagesRead),
      f4((intervalMessages / elapsedMs) * 1000),
      String(joinMs),
      String(fetchMs),
      f4(fetchMs <= 0 ? 0 : (1000 * intervalMb) / fetchMs),
      f4(fetchMs <= 0 ? 0 : (1000 * intervalMessages) / fetchMs),
    ].join(", ");
  }

  /** The loop's condition, checked after each 100 ms poll: go on while records keep coming. */
  private schedulePoll(): void {
    this.io.connect.after(POLL_MS, () => {
      if (this.done) return;
      if (this.io.connect.nowMs() - this.lastConsumedMs > this.settings.recordFetchTimeoutMs)
        this.stop();
      else this.schedulePoll();
    });
  }

  private stop(): void {
    if (this.done) return;
    this.done = true;
    const topics = new Set(this.consumer.assignment().map((each) => each.topic));
    this.consumer.pause([...topics].map((topic) => ({ topic })));
    this.finish();
  }
}

function metricsOf(loop: PerfConsumeLoop): MetricEntry[] {
  const tags = { "client-id": "perf-consumer-client" };
  const group = "consumer-fetch-manager-metrics";
  return [
    { group, name: "fetch-total", tags, value: loop.fetches },
    {
      group,
      name: "fetch-latency-avg",
      tags,
      value: loop.fetches === 0 ? NaN : loop.fetchLatencyTotalMs / loop.fetches,
    },
    {
      group,
      name: "fetch-latency-max",
      tags,
      value: loop.fetches === 0 ? NaN : loop.fetchLatencyMaxMs,
    },
    { group, name: "records-consumed-total", tags, value: loop.messagesRead },
  ];
}

async function measure(settings: ConsumerPerfSettings, io: ToolIo): Promise<void> {
  const clock = io.connect;
  const startMs = clock.nowMs();
  if (!settings.consumerProperties.has("bootstrap.servers")) {
    throw new JavaException(
      "ConfigException",
      'Missing required configuration "bootstrap.servers" which has no default value.',
    );
  }
  const joins = new JoinTimer(startMs, () => clock.nowMs());
  const consumer = kafkaFor(settings.consumerProperties, clock).consumer({
    ...configObject(settings.consumerProperties),
    rebalanceListener: joins,
  });
  try {
    if (settings.reportingIntervalMs <= 0) {
      throw new JavaException(
        "IllegalArgumentException",
        "Reporting interval must be greater than 0.",
      );
    }
    const date = simpleDateFormat(settings.dateFormat);
    await consumer.connect();
    const loop = new PerfConsumeLoop(settings, consumer, joins, io, date);
    const topic = settings.topic ?? includePattern(settings.include!);
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({ eachBatch: loop.eachBatch });
    await loop.finished;
    if (loop.messagesRead < settings.numMessages) {
      io.out(
        `WARNING: Exiting before consuming the expected number of messages: timeout (${settings.recordFetchTimeoutMs} ms) exceeded. You can use the --timeout option to increase the timeout.`,
      );
    }
    const endMs = clock.nowMs();
    const metrics = settings.printMetrics ? metricsOf(loop) : [];
    await consumer.disconnect();
    if (!settings.showDetailedStats) {
      const elapsedSec = (endMs - startMs) / 1000;
      const fetchTimeMs = endMs - startMs - joins.totalMs;
      const totalMb = loop.bytesRead / BYTES_PER_MB;
      const messages = loop.messagesRead;
      io.out(
        [
          date(startMs),
          date(endMs),
          f4(totalMb),
          f4(totalMb / elapsedSec),
          String(messages),
          f4(messages / elapsedSec),
          String(joins.totalMs),
          String(fetchTimeMs),
          f4(totalMb / (fetchTimeMs / 1000)),
          f4(messages / (fetchTimeMs / 1000)),
        ].join(", "),
      );
    }
    for (const line of metricsLines(metrics)) io.out(line);
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

async function runConsumerPerf(args: readonly string[], io: ToolIo): Promise<number> {
  const settings = consumerPerfSettings(args, io);
  if (typeof settings === "number") return settings;
  if (!settings.hideHeader) {
    io.out(
      settings.showDetailedStats
        ? `time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec${HEADER_END}`
        : `start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec${HEADER_END}`,
    );
  }
  try {
    await measure(settings, io);
    return SUCCESS;
  } catch (error) {
    // Kafka prints e.getMessage() ("null" when it has none), then the stack trace, whose
    // first line is the exception itself.
    const described = describeException(error);
    const separator = described.indexOf(": ");
    io.err(separator === -1 ? "null" : described.slice(separator + 2));
    io.err(described);
    return FAILURE;
  }
}

export const consumerPerfTool: Tool = {
  name: "kafka-consumer-perf-test",
  usage: CONSUMER_PERF_DESCRIPTION,
  run: runConsumerPerf,
  // The random number only names the default group, which completion does not show.
  commandLine: () => consumerPerfOptionParser(() => 0).commandLine(),
};
