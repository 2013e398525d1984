/**
 * The inspector's building blocks: a header for the selected thing, sections with
 * headings (screen readers navigate by them), collapsible sections (the accordion pattern:
 * a heading holding a button), fact lists, and buttons that run a playground action and
 * report its failure with Kafka's name.
 */
import { useId, useState, type ReactNode } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import type { ActionResult } from "../playground/actions.ts";
import { pushToast, select } from "../store/view-actions.ts";

export function InspectorHeader({
  kind,
  title,
  children,
}: {
  kind: string;
  title: string;
  children?: ReactNode;
}) {
  const t = useTranslate();
  return (
    <header className="inspector-header">
      <div className="inspector-title">
        <h2>
          <span className="inspector-kind">{kind}</span>
          <span className="inspector-name" title={title}>
            {title}
          </span>
        </h2>
        <button
          type="button"
          className="inspector-clear"
          aria-label={t("inspector.clear")}
          title={t("inspector.clear")}
          onClick={() => select(null)}
        >
          ×
        </button>
      </div>
      {children}
    </header>
  );
}

export function Section({
  title,
  children,
  aside,
}: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="inspector-section" aria-labelledby={id}>
      <div className="inspector-section-head">
        <h3 id={id}>{title}</h3>
        {aside}
      </div>
      {children}
    </section>
  );
}

export function Collapsible({
  title,
  children,
  initiallyOpen = false,
}: {
  title: string;
  children: ReactNode;
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <section className="inspector-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="inspector-collapsible-heading">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          <span className="inspector-chevron" aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>
          {title}
        </button>
      </h3>
      <div id={`${id}-body`} hidden={!open}>
        {open ? children : null}
      </div>
    </section>
  );
}

export function Facts({ children }: { children: ReactNode }) {
  return <dl className="inspector-facts">{children}</dl>;
}

/**
 * One term and its value; `hint` explains the term in a line shown below it, `tip` in a
 * tooltip only (for the less central terms: the column is short once the dock is open).
 * `wide` puts the value under the term, for values that need the column's whole width.
 */
export function Fact({
  term,
  hint,
  tip,
  wide = false,
  children,
}: {
  term: string;
  hint?: string;
  tip?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={wide ? "inspector-fact wide" : "inspector-fact"}>
      <dt title={hint ?? tip} className={tip === undefined ? undefined : "inspector-has-tip"}>
        {term}
      </dt>
      <dd>{children}</dd>
      {hint === undefined ? null : <p className="inspector-hint">{hint}</p>}
    </div>
  );
}

/** A tabular number, right-aligned in its fixed-width box. */
export function Num({ children }: { children: ReactNode }) {
  return <span className="num">{children}</span>;
}

export interface CountRow {
  /** Kafka's metric name or a plain word. */
  label: string;
  value: ReactNode;
  /** A one-line explanation, on hover. */
  hint?: string;
  /** Draw the value as a warning (amber, with a mark beside it). */
  warn?: boolean;
}

/** Named numbers, right-aligned in one column so their digits line up. */
export function CountTable({ rows }: { rows: CountRow[] }) {
  return (
    <table className="inspector-table inspector-counters">
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row" title={row.hint}>
              {row.label}
            </th>
            <td className={row.warn ? "num-col num tone-warn" : "num-col num"}>
              {row.warn ? <span aria-hidden="true">▲ </span> : null}
              {row.value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A word with a shape beside it, so meaning never rides on colour alone. */
export function Badge({
  tone,
  mark,
  children,
}: {
  tone: "ok" | "warn" | "error" | "muted" | "accent";
  mark: string;
  children: ReactNode;
}) {
  return (
    <span className={`inspector-badge tone-${tone}`}>
      <span aria-hidden="true">{mark}</span>
      {children}
    </span>
  );
}

/**
 * A button that runs a playground action: disabled while it runs; a failure becomes a toast
 * with Kafka's error name; `onDone` runs after a success.
 */
export function ActionButton<T>({
  label,
  run,
  onDone,
  disabled = false,
  tone,
  title,
}: {
  label: string;
  run: () => Promise<ActionResult<T>>;
  onDone?: (value: T) => void;
  disabled?: boolean;
  tone?: "danger";
  title?: string;
}) {
  const t = useTranslate();
  const [busy, setBusy] = useState(false);
  const click = () => {
    setBusy(true);
    void run().then((result) => {
      setBusy(false);
      if (result.ok) onDone?.(result.value);
      else {
        pushToast({
          tone: "error",
          text: t("inspector.actionFailed", { action: label, message: result.message }),
          errorName: result.errorName,
        });
      }
    });
  };
  return (
    <button
      type="button"
      className={tone === "danger" ? "inspector-button danger" : "inspector-button"}
      disabled={disabled || busy}
      aria-busy={busy}
      title={title}
      onClick={click}
    >
      {label}
    </button>
  );
}

/** A row of buttons that wraps; every button stays in the tab order. */
export function Actions({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div className="inspector-actions" role="group" aria-label={label}>
      {children}
    </div>
  );
}

/** Shown when the selected thing is gone (deleted, removed, never existed). */
export function Gone({ kind, title }: { kind: string; title: string }) {
  const t = useTranslate();
  return (
    <>
      <InspectorHeader kind={kind} title={title} />
      <p className="inspector-empty">{t("inspector.gone")}</p>
    </>
  );
}

/** The topic a client reads or writes, as a fact whose value selects the topic. */
export function TopicFact({ topic }: { topic: string }) {
  const t = useTranslate();
  return (
    <Fact term={t("inspector.col.topic")}>
      <button
        type="button"
        className="inspector-chip"
        onClick={() => select({ kind: "topic", topic })}
      >
        {topic}
      </button>
    </Fact>
  );
}
