/**
 * One section of the share dialog: a heading with its icon, a line saying what it does,
 * then its controls; and the button a section presses to read the cluster, which shows a
 * spinner and its busy words while the reading runs.
 */
import { useId, type ReactNode } from "react";

export function ShareSection({
  icon,
  heading,
  text,
  children,
}: {
  icon: ReactNode;
  heading: string;
  text: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="share-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {icon}
        {heading}
      </h3>
      <p className="muted">{text}</p>
      {children}
    </section>
  );
}

export function BusyButton({
  busy,
  disabled,
  icon,
  label,
  busyLabel,
  onClick,
  testId,
}: {
  busy: boolean;
  disabled: boolean;
  icon: ReactNode;
  label: string;
  busyLabel: string;
  onClick: () => void;
  testId: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-busy={busy}
      // Still focusable while busy, so a keyboard user keeps their place.
      aria-disabled={busy || undefined}
      data-testid={testId}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : icon}
      {busy ? busyLabel : label}
    </button>
  );
}
