/**
 * A store value for lists that change every animation frame (tapped frames, a burst of
 * timeline events): the component re-renders at most once per `intervalMs`, with the
 * newest value, instead of once per frame. `selector` must be a stable function.
 */
import { useEffect, useState } from "react";
import { usePlayground, type PlaygroundState } from "../store/store.ts";

export function useThrottledStore<T>(
  selector: (state: PlaygroundState) => T,
  intervalMs: number,
): T {
  const [value, setValue] = useState(() => selector(usePlayground.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastMs = -Infinity;
    const flush = () => {
      timer = null;
      lastMs = performance.now();
      const next = selector(usePlayground.getState());
      setValue(() => next);
    };
    flush();
    const unsubscribe = usePlayground.subscribe((state, previous) => {
      if (timer !== null || selector(state) === selector(previous)) return;
      timer = setTimeout(flush, Math.max(0, lastMs + intervalMs - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [selector, intervalMs]);
  return value;
}
