/**
 * Short messages in the corner: an action's outcome (gone after 5 s, unless the pointer or
 * focus rests on it) or an error in red with Kafka's name beside the words (stays until
 * dismissed). Announced politely to screen readers.
 */
import { useEffect, useState } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { dismissToast } from "../store/view-actions.ts";
import type { Toast } from "../store/view-slice.ts";
import { CloseIcon, ErrorIcon, InfoIcon } from "./icons.tsx";

export const INFO_TOAST_MS = 5_000;

export function Toasts() {
  const t = useTranslate();
  const toasts = usePlayground((state) => state.toasts);
  return (
    <section className="toasts" aria-live="polite" aria-label={t("toast.region")}>
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const t = useTranslate();
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (toast.tone !== "info" || held) return;
    const timer = setTimeout(() => dismissToast(toast.id), INFO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.id, toast.tone, held]);
  return (
    <div
      className={`toast toast-${toast.tone}`}
      data-testid="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {toast.tone === "error" ? <ErrorIcon /> : <InfoIcon />}
      <p className="toast-text">
        {toast.errorName !== null && <code className="error-name">{toast.errorName}</code>}
        <span>{toast.text}</span>
      </p>
      <button
        type="button"
        className="icon-button"
        aria-label={t("toast.dismiss")}
        onClick={() => dismissToast(toast.id)}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
