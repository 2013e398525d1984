/**
 * A modal dialog on the platform's <dialog> (showModal: the page behind is inert and
 * Esc asks to close). On top of that: Tab wraps inside the dialog, the first field (or
 * the element marked data-autofocus) takes focus, and focus goes back to whatever opened
 * the dialog when it closes. While an action runs on a paused cluster it cannot finish, and
 * the page behind is inert: the dialog itself then offers to resume.
 */
import {
  useEffect,
  useId,
  useRef,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { CloseIcon, PlayIcon } from "../chrome/icons.tsx";
import { useTranslate } from "../i18n/use-translate.ts";
import { resumeCluster } from "../playground/actions.ts";
import { usePlayground } from "../store/store.ts";
import "./dialogs.css";
import "./dialog-parts.css";

const FOCUSABLE = "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])";

export interface ModalProps {
  title: string;
  /** A sentence under the title saying what the dialog does (linked as its description). */
  description?: ReactNode;
  onClose: () => void;
  /** An action is running (shown on the submit button; see `lockedWhileBusy`). */
  busy?: boolean;
  /** Esc and the close button do nothing while busy (the reset, which ends in a reload). */
  lockedWhileBusy?: boolean;
  /** The form's submit handler; Enter in a field submits. */
  onSubmit?: () => void;
  footer: ReactNode;
  children?: ReactNode;
  size?: "narrow" | "normal" | "wide";
  tone?: "normal" | "danger";
  testId?: string;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.hasAttribute("disabled") && element.offsetParent !== null,
  );
}

export function Modal(props: ModalProps) {
  const {
    title,
    description,
    onClose,
    busy = false,
    onSubmit,
    footer,
    children,
    size = "normal",
    tone = "normal",
  } = props;
  const locked = busy && props.lockedWhileBusy === true;
  const t = useTranslate();
  const paused = usePlayground((state) => state.paused);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Read by the native listeners without re-adding them on every render.
  const latest = useRef({ onClose, locked });
  useEffect(() => {
    latest.current = { onClose, locked };
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const first =
      dialog.querySelector<HTMLElement>("[data-autofocus]") ??
      dialog.querySelector<HTMLElement>(".modal-body " + FOCUSABLE);
    first?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      if (!latest.current.locked) latest.current.onClose();
    };
    // The browser may close a dialog itself (a second Esc): keep the store in step. A
    // close event queued by an earlier close() (StrictMode's remount) finds it open: ignored.
    const closed = () => {
      if (!dialog.open) latest.current.onClose();
    };
    dialog.addEventListener("cancel", cancel);
    dialog.addEventListener("close", closed);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      dialog.removeEventListener("close", closed);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const wrapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab" || dialogRef.current === null) return;
    const list = focusables(dialogRef.current);
    if (list.length === 0) return;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit?.();
  };

  return (
    <dialog
      ref={dialogRef}
      className={`modal modal-${size} modal-tone-${tone}`}
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
      aria-busy={busy}
      onKeyDown={wrapTab}
      data-testid={props.testId}
    >
      <form className="modal-form" onSubmit={submit} noValidate>
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t("dialog.close")}
            disabled={busy}
            onClick={onClose}
          >
            <CloseIcon />
          </button>
        </header>
        {description !== undefined && (
          <div id={descriptionId} className="modal-description">
            {description}
          </div>
        )}
        <div className="modal-body">{children}</div>
        {busy && paused && (
          <p className="modal-paused" role="status">
            <span>{t("dialog.pausedWhileBusy")}</span>
            <button type="button" onClick={() => void resumeCluster()}>
              <PlayIcon />
              {t("playback.resume")}
            </button>
          </p>
        )}
        <footer className="modal-footer">{footer}</footer>
      </form>
    </dialog>
  );
}
