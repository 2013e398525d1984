/**
 * How the suite reports: a table of every figure against its target, and the JSON record
 * saved under bench/results/. MB is the perf tools' MB: bytes / 1024 / 1024.
 */
import type { BenchMachine } from "../bench-machine.ts";
import type { SuiteFigure } from "./suite-figures.ts";
import type { SuiteResults } from "./suite-results.ts";
import type { SuiteSettings } from "./suite-settings.ts";

/** Whole numbers from 100 up (with separators), one decimal from 10, two below. */
export function formatValue(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function targetText(figure: SuiteFigure): string {
  if (figure.target === undefined) return "";
  const sign = figure.target.comparison === "at least" ? "≥" : "≤";
  const value = figure.target.value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return `${sign} ${value} ${figure.unit}`;
}

export function formatSuiteTable(figures: readonly SuiteFigure[]): string[] {
  const rows = figures.map((figure) => [
    figure.name,
    figure.value === null ? "no figure" : `${formatValue(figure.value)} ${figure.unit}`,
    targetText(figure),
    figure.target === undefined ? "" : figure.target.met ? "met" : "MISSED",
    figure.note ?? "",
  ]);
  const header = ["measure", "result", "target", "", "notes"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)];
}

export function targetsSummary(figures: readonly SuiteFigure[]): string {
  const targeted = figures.filter((figure) => figure.target !== undefined);
  const met = targeted.filter((figure) => figure.target!.met);
  const missed = targeted.filter((figure) => !figure.target!.met).map((figure) => figure.name);
  return (
    `${met.length} of ${targeted.length} targets met` +
    (missed.length === 0 ? "" : `; missed: ${missed.join(", ")}`)
  );
}

export function suiteRecord(run: {
  startedAt: Date;
  seconds: number;
  machine: BenchMachine;
  settings: SuiteSettings;
  figures: readonly SuiteFigure[];
  results: SuiteResults;
}) {
  const targeted = run.figures.filter((figure) => figure.target !== undefined);
  return {
    benchmark: "bench",
    command: "npm run bench",
    startedAt: run.startedAt.toISOString(),
    seconds: Math.round(run.seconds),
    machine: run.machine,
    worker: run.results.environment,
    settings: run.settings,
    figures: run.figures.map((figure) => ({
      name: figure.name,
      unit: figure.unit,
      value: figure.value,
      target: figure.target ?? null,
      note: figure.note ?? null,
    })),
    targetsMet: targeted.filter((figure) => figure.target!.met).length,
    targets: targeted.length,
    allTargetsMet: targeted.every((figure) => figure.target!.met),
    raw: run.results,
  };
}

/** bench-<yyyy-mm-dd>.json, the run's start date in UTC. */
export const recordFileName = (startedAt: Date) =>
  `bench-${startedAt.toISOString().slice(0, 10)}.json`;
