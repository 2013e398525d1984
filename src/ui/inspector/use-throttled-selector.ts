/**
 * Reads a fast-changing part of the store at most ~4 times a second (the store changes
 * once per animation frame while records flow): the inspector's numbers stay live without
 * a React render per frame. Pass a selector made with useCallback (its identity says when
 * the question changed) and, for derived values, a module-level equality.
 */
import { useEffect, useState } from "react";
import { usePlayground, type PlaygroundState } from "../store/store.ts";
import { THROTTLE_INTERVAL_MS, ThrottleGate } from "./throttle-gate.ts";

interface Held<T> {
  selector: (state: PlaygroundState) => T;
  value: T;
}

export function useThrottledSelector<T>(
  selector: (state: PlaygroundState) => T,
  equal: (a: T, b: T) => boolean = Object.is,
  intervalMs: number = THROTTLE_INTERVAL_MS,
): T {
  const [held, setHeld] = useState<Held<T>>(() => ({
    selector,
    value: selector(usePlayground.getState()),
  }));

  useEffect(() => {
    const gate = new ThrottleGate(intervalMs);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const publish = () => {
      const value = selector(usePlayground.getState());
      setHeld((old) =>
        old.selector === selector && equal(old.value, value) ? old : { selector, value },
      );
    };
    const unsubscribe = usePlayground.subscribe(() => {
      const decision = gate.offer(performance.now());
      if (decision.kind === "emit") publish();
      else if (decision.kind === "schedule") {
        timer = setTimeout(() => {
          timer = null;
          gate.fire(performance.now());
          publish();
        }, decision.delayMs);
      }
    });
    return () => {
      unsubscribe();
      gate.cancel();
      if (timer !== null) clearTimeout(timer);
    };
  }, [selector, equal, intervalMs]);

  // A new question is answered at once: a new selection never shows the old thing's numbers.
  return held.selector === selector ? held.value : selector(usePlayground.getState());
}

/** Equal when both arrays hold the same items in the same order (items compared by identity). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}
