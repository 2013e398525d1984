/**
 * A share action's state: running or not, and what went wrong — a refusal by the
 * document's own schema (the playground holds something the format cannot carry) or an
 * error from the cluster, with Kafka's name for it.
 */
import { useCallback, useEffect, useState } from "react";
import { clientErrorOf } from "../playground/client-error.ts";
import type { Problem } from "./schema.ts";

export interface ShareFailure {
  error: { errorName: string; message: string } | null;
  problems: { problems: Problem[]; more: number } | null;
}

const NO_FAILURE: ShareFailure = { error: null, problems: null };

export function useBusy() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ShareFailure>(NO_FAILURE);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(NO_FAILURE);
    try {
      await action();
    } catch (error) {
      const { name, message } = clientErrorOf(error, 0);
      setFailure({ error: { errorName: name, message }, problems: null });
    } finally {
      setBusy(false);
    }
  }, []);
  const refuse = useCallback(
    (problems: Problem[], more: number) =>
      setFailure({ error: null, problems: { problems, more } }),
    [],
  );
  return { busy, failure, run, refuse };
}

/** A section of a dialog that reads the cluster: the dialog shows when it waits on a paused one. */
export interface SectionProps {
  /** The cluster has started (the session exists). */
  started: boolean;
  onBusy: (busy: boolean) => void;
}

export function useReportBusy(busy: boolean, onBusy: (busy: boolean) => void): void {
  useEffect(() => onBusy(busy), [busy, onBusy]);
}
