/**
 * The pieces every dialog form is built from: a labelled field whose note line (a hint, or
 * the field's issue) is linked to the control with aria-describedby; a checkbox field; an
 * issue in words with Kafka's name beside it; a broker's error; the submit button that
 * shows progress without changing size.
 */
import { closeDialog } from "../store/view-actions.ts";
import { useId, type ReactNode } from "react";
import { ErrorIcon, WarningIcon } from "../chrome/icons.tsx";
import { useTranslate } from "../i18n/use-translate.ts";
import { errorDetail, explainError } from "./explain-error.ts";
import type { Issue } from "./validation.ts";

export interface ControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown instead of the hint when present. */
  issue?: Issue;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

export function IssueText({ issue }: { issue: Issue }) {
  const t = useTranslate();
  return (
    <>
      {issue.severity === "error" ? <ErrorIcon /> : <WarningIcon />}
      <span>
        {t(issue.key, issue.values)}
        {issue.kafkaName !== undefined && (
          <>
            {" "}
            <code className="kafka-name">{issue.kafkaName}</code>
          </>
        )}
      </span>
    </>
  );
}

function FieldNote({ id, issue, hint }: { id: string; issue?: Issue; hint?: ReactNode }) {
  if (issue === undefined && hint === undefined) return null;
  return (
    <p id={id} className={`field-note${issue ? ` field-note-${issue.severity}` : ""}`}>
      {issue !== undefined ? <IssueText issue={issue} /> : <span>{hint}</span>}
    </p>
  );
}

export function Field({ label, hint, issue, className, children }: FieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const hasNote = issue !== undefined || hint !== undefined;
  return (
    <div className={`field ${className ?? ""}`} data-severity={issue?.severity}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({
        id,
        "aria-describedby": hasNote ? noteId : undefined,
        "aria-invalid": issue?.severity === "error" ? true : undefined,
      })}
      <FieldNote id={noteId} issue={issue} hint={hint} />
    </div>
  );
}

interface CheckFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  issue?: Issue;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

export function CheckField({ label, hint, issue, checked, onChange, disabled }: CheckFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const hasNote = issue !== undefined || hint !== undefined;
  return (
    <div className="field field-check" data-severity={issue?.severity}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hasNote ? noteId : undefined}
        aria-invalid={issue?.severity === "error" ? true : undefined}
      />
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <FieldNote id={noteId} issue={issue} hint={hint} />
    </div>
  );
}

/** What the broker (or the client) answered, in words, with Kafka's name and its own detail. */
export function ActionError({ errorName, message }: { errorName: string; message: string }) {
  const t = useTranslate();
  const explanation = explainError(t, errorName, message);
  const detail = errorDetail(errorName, message);
  return (
    <div className="action-error" role="alert">
      <ErrorIcon />
      <div>
        <p className="action-error-line">
          <code className="error-name">{errorName}</code> {explanation}
        </p>
        {detail !== "" && detail !== explanation && <p className="action-error-detail">{detail}</p>}
      </div>
    </div>
  );
}

interface SubmitButtonProps {
  busy: boolean;
  label: string;
  busyLabel: string;
  tone?: "primary" | "danger";
  /** Not sendable yet (e.g. the confirmation is not typed); still focusable, says why elsewhere. */
  blocked?: boolean;
}

export function SubmitButton({
  busy,
  label,
  busyLabel,
  tone = "primary",
  blocked = false,
}: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className={`submit-button button-${tone}`}
      aria-busy={busy}
      aria-disabled={busy || blocked ? true : undefined}
      data-blocked={blocked || undefined}
    >
      {/* Both labels are laid out so the button is as wide as the longer one: no jump. */}
      <span className="submit-labels">
        <span className={busy ? "submit-hidden" : undefined} aria-hidden={busy}>
          {label}
        </span>
        <span className={busy ? undefined : "submit-hidden"} aria-hidden={!busy}>
          <span className="spinner" aria-hidden="true" />
          {busyLabel}
        </span>
      </span>
    </button>
  );
}

/** A dialog's usual footer: Cancel (closes it) and the submit button. */
export function CancelAndSubmit({
  cancelLabel,
  onCancel = closeDialog,
  confirming = false,
  ...submit
}: SubmitButtonProps & {
  cancelLabel: string;
  onCancel?: () => void;
  /**
   * A dialog that asks before something drastic: Cancel has the focus first, and is
   * locked with the dialog while the drastic thing runs.
   */
  confirming?: boolean;
}) {
  return (
    <>
      <button
        type="button"
        onClick={onCancel}
        disabled={confirming && submit.busy}
        data-autofocus={confirming || undefined}
      >
        {cancelLabel}
      </button>
      <SubmitButton {...submit} />
    </>
  );
}
