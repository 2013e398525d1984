/**
 * The page's sparkline recorder: once per metrics sample (one second of node time, so it
 * freezes when the cluster is paused and speeds up with it), every series value is written
 * into the series book. Components read a series with `useSeries`.
 */
import { useCallback, useSyncExternalStore } from "react";
import { usePlayground, type PlaygroundState } from "../store/store.ts";
import { SeriesBook, type SeriesSample } from "./series-book.ts";
import { seriesValues } from "./series-keys.ts";

const book = new SeriesBook();
const listeners = new Set<() => void>();
let lastMetrics: PlaygroundState["metrics"] | null = null;
let stopRecording: (() => void) | null = null;
let readers = 0;

function sample(state: PlaygroundState): void {
  if (state.metrics === lastMetrics) return;
  lastMetrics = state.metrics;
  const atMs = state.metrics.MessagesInPerSec.at(-1)?.atMs;
  if (atMs === undefined) return;
  for (const [key, value] of seriesValues(state)) book.record(key, { atMs, value });
  for (const listener of listeners) listener();
}

/** Starts recording (once, however many readers); the returned function stops this reader. */
export function startSeriesRecorder(): () => void {
  readers++;
  if (stopRecording === null) {
    lastMetrics = usePlayground.getState().metrics;
    stopRecording = usePlayground.subscribe(sample);
  }
  return () => {
    readers--;
    if (readers === 0 && stopRecording !== null) {
      stopRecording();
      stopRecording = null;
    }
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One series, oldest first; the component renders again once a second at most. */
export function useSeries(key: string): readonly SeriesSample[] {
  const read = useCallback(() => book.series(key), [key]);
  return useSyncExternalStore(subscribe, read, read);
}
