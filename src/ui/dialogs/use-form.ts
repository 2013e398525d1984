/**
 * A dialog form's state: the draft as typed, which fields the user has touched, and the
 * running action with its failure, if any. Issues show as soon as they exist — a value
 * that breaks a rule, or a conflict one change made with another field — except that an
 * empty field is only complained about once it was touched or a send was tried.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "../playground/actions.ts";
import type { MessageKey } from "../i18n/en.ts";
import { hasErrors, issueFor, type Issue } from "./validation.ts";

/** "This field is empty": not worth saying before the user has been there. */
const EMPTY_FIELD_KEYS: ReadonlySet<MessageKey> = new Set([
  "validation.required",
  "topicNameRule.empty",
  "consumerDialog.groupIdEmpty",
]);

export interface ActionFailure {
  errorName: string;
  message: string;
}

export function useDraft<T extends object>(initial: T | (() => T)) {
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);

  const update = useCallback((patch: Partial<T>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setTouched((current) => new Set([...current, ...Object.keys(patch)]));
  }, []);

  /** The issue to show under `field` now, if any. */
  const shown = (issues: readonly Issue[], field: string): Issue | undefined => {
    const issue = issueFor(issues, field);
    if (issue === undefined) return undefined;
    return !EMPTY_FIELD_KEYS.has(issue.key) || attempted || touched.has(field) ? issue : undefined;
  };

  /** Called on submit: true when the form may be sent; else every error shows and focus goes to the first. */
  const readyToSend = (issues: readonly Issue[]): boolean => {
    setAttempted(true);
    if (!hasErrors(issues)) return true;
    // After React shows the errors, move focus to the first invalid control.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>("dialog[open] [aria-invalid='true']")?.focus(),
    );
    return false;
  };

  return { draft, update, setDraft, shown, readyToSend, attempted };
}

/**
 * The dialog's action while it runs. A dialog may be closed while its action is still on
 * the way (a paused cluster answers nothing until it resumes): the action goes on, and
 * `run` then answers null so the closed dialog neither closes another nor reports.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async <V>(action: () => Promise<ActionResult<V>>): Promise<ActionResult<V> | null> => {
      setBusy(true);
      setFailure(null);
      const result = await action();
      if (!mounted.current) return null;
      setBusy(false);
      if (!result.ok) setFailure({ errorName: result.errorName, message: result.message });
      return result;
    },
    [],
  );

  return { busy, failure, run, clearFailure: () => setFailure(null) };
}
