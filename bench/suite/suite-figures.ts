/**
 * The suite's figures against the targets: each measurement as one number with
 * its unit, the target it has (if any) and whether it was met, and a note with what else
 * the run said. A measurement that gave no number (the tool failed) misses its target.
 */
import type { SuiteResults, UiOutcome } from "./suite-results.ts";
import type { SuiteSettings } from "./suite-settings.ts";

export interface Target {
  comparison: "at least" | "at most";
  value: number;
}

export interface SuiteFigure {
  name: string;
  unit: string;
  /** null: the run gave no figure. */
  value: number | null;
  target?: Target & { met: boolean };
  note?: string;
}

export function meets(value: number | null, target: Target): boolean {
  if (value === null || Number.isNaN(value)) return false;
  return target.comparison === "at least" ? value >= target.value : value <= target.value;
}

export function suiteFigure(
  name: string,
  unit: string,
  value: number | null,
  target?: Target,
  note?: string,
): SuiteFigure {
  return {
    name,
    unit,
    value,
    ...(target === undefined ? {} : { target: { ...target, met: meets(value, target) } }),
    ...(note === undefined ? {} : { note }),
  };
}

const atLeast = (value: number): Target => ({ comparison: "at least", value });
const atMost = (value: number): Target => ({ comparison: "at most", value });
const whole = (value: number) => Math.round(value).toLocaleString("en-US");
const MEBIBYTE = 2 ** 20;

/** Produce bytes/s (the records' values, as the perf test counts them) over postMessage bytes/s, in percent. */
export function producePostMessagePercent(
  producerRecordsPerSecond: number | null,
  recordSize: number,
  postMessageBytesPerSecond: number,
): number | null {
  if (producerRecordsPerSecond === null) return null;
  return (100 * producerRecordsPerSecond * recordSize) / postMessageBytesPerSecond;
}

function uiFigures(ui: UiOutcome, frameMedianMs: number): SuiteFigure[] {
  const frames = ui.ok ? ui.frames : null;
  const why = ui.ok ? "no frames recorded" : `the page's run failed: ${ui.error.split("\n")[0]}`;
  const producerNote = !ui.ok
    ? why
    : ui.total === null
      ? `the page's perf test printed no total (exit code ${ui.exitCode})`
      : `the page's producer: ${whole(ui.total.recordsPerSecond)} records/s in its terminal`;
  return [
    suiteFigure(
      "UI frame time while producing, median",
      "ms",
      frames?.medianMs ?? null,
      atMost(frameMedianMs),
      frames === null || !ui.ok
        ? why
        : `${frames.frames} frames over ${ui.seconds.toFixed(1)} s; longest ${frames.maxMs.toFixed(0)} ms`,
    ),
    suiteFigure(
      "UI frame time while producing, p95",
      "ms",
      frames?.p95Ms ?? null,
      undefined,
      producerNote,
    ),
  ];
}

export function suiteFigures(results: SuiteResults, settings: SuiteSettings): SuiteFigure[] {
  const { targets } = settings;
  const { postMessage, rawOpfs, consumer, endToEnd, ui } = results;
  const producer = (acks: string) =>
    results.producer.find((run) => run.acks === acks)?.total ?? null;
  const producerNote = (acks: string) => {
    const total = producer(acks);
    return total === null
      ? "the perf test printed no total"
      : `${total.megabytesPerSecond.toFixed(2)} MB/s; latency p50 ${total.p50Ms} ms, p99 ${total.p99Ms} ms, max ${total.maxLatencyMs.toFixed(0)} ms`;
  };
  const recordSize = settings.producerPerf.recordSize;
  const postMessageBytesPerSecond = postMessage.bytes / postMessage.seconds;
  const acksOne = producer("1")?.recordsPerSecond ?? null;
  const consumed = consumer.total;
  const behind =
    endToEnd.sentRecords < endToEnd.scheduledRecords
      ? `; fell behind: sent ${endToEnd.sentRecords} of ${endToEnd.scheduledRecords}`
      : "";
  return [
    suiteFigure(
      "postMessage 16 KiB transfers, worker to worker",
      "MB/s",
      postMessage.megabytesPerSecond,
      undefined,
      `${whole(postMessage.messagesPerSecond)} messages/s`,
    ),
    suiteFigure(
      "raw OPFS sync-handle writes, 16 KiB",
      "MB/s",
      rawOpfs.megabytesPerSecond,
      undefined,
      `${whole(rawOpfs.bytes / MEBIBYTE)} MB, flush ${(rawOpfs.flushSeconds * 1000).toFixed(1)} ms`,
    ),
    suiteFigure(
      "producer acks=1",
      "records/s",
      acksOne,
      atLeast(targets.acksOneRecordsPerSecond),
      producerNote("1"),
    ),
    suiteFigure(
      "producer acks=all",
      "records/s",
      producer("all")?.recordsPerSecond ?? null,
      atLeast(targets.acksAllRecordsPerSecond),
      producerNote("all"),
    ),
    suiteFigure(
      "consumer, one member (fetch.nMsg.sec)",
      "records/s",
      consumed?.fetchRecordsPerSecond ?? null,
      atLeast(targets.consumerRecordsPerSecond),
      consumed === null
        ? "the perf test printed no totals"
        : `${whole(consumed.records)} records, ${consumed.fetchMegabytesPerSecond.toFixed(2)} MB/s; ` +
            `nMsg.sec ${whole(consumed.recordsPerSecond)} with the group join (${consumed.rebalanceMs} ms)`,
    ),
    suiteFigure(
      `end-to-end p99 at ${whole(endToEnd.targetRecordsPerSecond)} records/s`,
      "ms",
      endToEnd.endToEnd.p99Ms,
      atMost(targets.endToEndP99Ms),
      `acks=${endToEnd.acks === -1 ? "all" : endToEnd.acks}; p50 ${endToEnd.endToEnd.p50Ms.toFixed(2)} ms, ` +
        `p99.9 ${endToEnd.endToEnd.p999Ms.toFixed(2)} ms; sent at ${whole(endToEnd.achievedRecordsPerSecond)}/s${behind}`,
    ),
    ...uiFigures(ui, targets.frameMedianMs),
    suiteFigure(
      "produce bytes/s at acks=1 ÷ postMessage bytes/s",
      "%",
      producePostMessagePercent(acksOne, recordSize, postMessageBytesPerSecond),
      atLeast(targets.producePostMessagePercent),
      acksOne === null
        ? "no acks=1 figure"
        : `${((acksOne * recordSize) / MEBIBYTE).toFixed(2)} of ${postMessage.megabytesPerSecond.toFixed(1)} MB/s`,
    ),
  ];
}
