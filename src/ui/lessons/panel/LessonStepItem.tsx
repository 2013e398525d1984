/**
 * One step of the lesson. Done: folded to a check and what to take away (lit up briefly
 * when it has just been done). Current: the narration, a live line saying the page is
 * watching the cluster for the effect (or doing the step), why it stopped if it failed,
 * and the hints asked for.
 * Pending: its number and narration, dimmed.
 */
import { useTranslate } from "../../i18n/use-translate.ts";
import { usePlayground } from "../../store/store.ts";
import type { LessonRun } from "../../store/lessons-slice.ts";
import type { LessonStep } from "../lesson.ts";
import { CheckIcon } from "../../chrome/icons.tsx";
import { LessonError } from "./LessonNotes.tsx";
import { localized, type StepState } from "./step-states.ts";

export interface LessonStepItemProps {
  step: LessonStep;
  index: number;
  state: StepState;
  run: LessonRun;
  /** The step was done a moment ago: highlight it once. */
  flash: boolean;
}

export function LessonStepItem({ step, index, state, run, flash }: LessonStepItemProps) {
  const t = useTranslate();
  const language = usePlayground((s) => s.language);
  return (
    <li
      className="lesson-step"
      data-testid={`lesson-step-${step.id}`}
      data-state={state}
      data-flash={flash || undefined}
      aria-current={state === "current" ? "step" : undefined}
    >
      <span className="lesson-step-mark" aria-hidden="true">
        {state === "done" ? <CheckIcon /> : index + 1}
      </span>
      <div className="lesson-step-body">
        <p className="lesson-step-label">
          {t("lessons.step.number", { n: index + 1 })}
          {state === "done" && <span className="lesson-step-done">{t("lessons.step.done")}</span>}
        </p>
        {state === "done" ? (
          <p className="lesson-step-takeaway">{localized(step.takeaway, language)}</p>
        ) : (
          <p className="lesson-step-narration">{localized(step.narration, language)}</p>
        )}
        {state === "current" && <LiveLine status={run.status} />}
        {state === "current" && run.status === "failed" && run.error && (
          <LessonError name={run.error.name} message={run.error.message} />
        )}
        {state === "current" && run.hintsShown > 0 && (
          <ol className="lesson-hints">
            {step.hints.slice(0, run.hintsShown).map((hint, hintIndex) => (
              <li key={hintIndex} className="lesson-hint" data-testid="lesson-hint">
                <span className="lesson-hint-label">
                  {t("lessons.hint.label", { n: hintIndex + 1 })}
                </span>
                {localized(hint, language)}
              </li>
            ))}
          </ol>
        )}
      </div>
    </li>
  );
}

/** What the page is doing about the current step; the dot stands still while paused. */
function LiveLine({ status }: { status: LessonRun["status"] }) {
  const t = useTranslate();
  const paused = usePlayground((s) => s.paused);
  const text =
    status === "showing"
      ? t("lessons.step.showing")
      : status === "failed"
        ? t("lessons.step.failed")
        : t("lessons.step.watching");
  return (
    <p className="lesson-live" data-status={status} data-paused={paused}>
      <span className="lesson-live-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
