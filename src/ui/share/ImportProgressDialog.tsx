/**
 * The import being rebuilt, step by step: brokers, topics with their configs, records,
 * clients, the view. Each step says whether it is done, running or waiting (in words for a
 * screen reader, and by its mark); counts move as topics are created and records written.
 * It cannot be closed until the rebuild ends, well or not.
 */
import { ErrorIcon } from "../chrome/icons.tsx";
import { Modal } from "../dialogs/Modal.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { closeDialog } from "../store/view-actions.ts";
import { CheckIcon } from "../chrome/icons.tsx";
import { IMPORT_STEPS, useShare, type ImportProgress, type ImportStep } from "./share-store.ts";
import "./share.css";

type StepState = "done" | "running" | "waiting" | "failed";

function stateOf(step: ImportStep, progress: ImportProgress): StepState {
  if (progress.step === "done") return "done";
  const at = IMPORT_STEPS.indexOf(progress.step);
  const index = IMPORT_STEPS.indexOf(step);
  if (index < at) return "done";
  if (index > at) return "waiting";
  return progress.error === null ? "running" : "failed";
}

function stepText(
  step: ImportStep,
  progress: ImportProgress,
): [MessageKey, Record<string, number>] {
  switch (step) {
    case "brokers":
      return ["progress.brokers", { count: progress.brokers }];
    case "topics":
      return ["progress.topics", { done: progress.topicsDone, total: progress.topicsTotal }];
    case "records":
      return ["progress.records", { done: progress.recordsDone, total: progress.recordsTotal }];
    case "clients":
      return ["progress.clients", { count: progress.clients }];
    case "layout":
      return ["progress.layout", {}];
  }
}

/** How far the whole rebuild is, 0..1: steps done, plus the running step's share. */
function fraction(progress: ImportProgress): number {
  if (progress.step === "done") return 1;
  const at = IMPORT_STEPS.indexOf(progress.step);
  const part =
    progress.step === "topics"
      ? progress.topicsDone / Math.max(1, progress.topicsTotal)
      : progress.step === "records"
        ? progress.recordsDone / Math.max(1, progress.recordsTotal)
        : 0;
  return (at + part) / IMPORT_STEPS.length;
}

export function ImportProgressDialog() {
  const t = useTranslate();
  const progress = useShare((state) => state.progress);
  if (progress === null) return null;
  const running = progress.step !== "done" && progress.error === null;
  const percent = Math.round(fraction(progress) * 100);
  return (
    <Modal
      title={t("progress.title")}
      onClose={closeDialog}
      onSubmit={closeDialog}
      busy={running}
      lockedWhileBusy
      size="narrow"
      testId="dialog-import-progress"
      footer={
        <button type="submit" className="button-primary" disabled={running} data-autofocus>
          {t("dialog.done")}
        </button>
      }
    >
      <div
        className="import-bar"
        role="progressbar"
        aria-label={t("progress.label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <ol className="import-steps">
        {IMPORT_STEPS.map((step) => {
          const state = stateOf(step, progress);
          const [key, values] = stepText(step, progress);
          return (
            <li key={step} className="import-step" data-state={state}>
              <span className="import-step-mark" aria-hidden="true">
                {state === "done" ? (
                  <CheckIcon />
                ) : state === "failed" ? (
                  <ErrorIcon />
                ) : state === "running" ? (
                  <span className="spinner" />
                ) : null}
              </span>
              <span className="number">{t(key, values)}</span>
              <span className="visually-hidden">{t(`progress.state.${state}`)}</span>
            </li>
          );
        })}
      </ol>
      <p role="status" className="import-outcome">
        {progress.step === "done" && t("progress.done")}
      </p>
      {progress.error !== null && (
        <div className="action-error" role="alert">
          <ErrorIcon />
          <div>
            <p className="action-error-line">
              <code className="error-name">{progress.error.name}</code>{" "}
              {t("progress.failed", { message: progress.error.message })}
            </p>
            <p className="action-error-detail">{t("progress.failedHint")}</p>
          </div>
        </div>
      )}
    </Modal>
  );
}
