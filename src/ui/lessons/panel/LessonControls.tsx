/**
 * The lesson's buttons, in two fixed rows so nothing jumps as the run changes: the main
 * move (Show me; Retry after a failure; Next lesson once complete) beside Hint (or All
 * lessons), then Restart lesson and Exit lesson. Busy labels keep the button's width, and
 * a button that becomes unusable keeps the learner's focus.
 */
import { useTranslate } from "../../i18n/use-translate.ts";
import type { LessonRun } from "../../store/lessons-slice.ts";
import type { Lesson } from "../lesson.ts";
import { lessonEngine } from "../lessons.ts";
import { ArrowRightIcon, BookIcon, HintIcon, RetryIcon, ShowMeIcon } from "./lesson-icons.tsx";
import { exitLesson, openLessonCatalog, startLesson } from "./lesson-view.ts";
import { canShowMe, hintsLeft, isBusy, nextLesson } from "./step-states.ts";
import "./lesson-controls.css";

export function LessonControls({ run, lesson }: { run: LessonRun; lesson: Lesson }) {
  const t = useTranslate();
  const engine = lessonEngine();
  const next = nextLesson(engine.lessons, lesson.id);
  const left = hintsLeft(run, lesson);
  const busy = isBusy(run.status);
  const canAskHint = left > 0 && run.status !== "setting-up";

  const main =
    run.status === "complete" ? (
      next ? (
        <button type="button" className="button-primary" onClick={() => startLesson(next.id)}>
          {t("lessons.action.next")}
          <ArrowRightIcon />
        </button>
      ) : (
        <AllLessonsButton primary />
      )
    ) : run.status === "failed" ? (
      <button type="button" className="button-primary" onClick={() => void engine.retry()}>
        <RetryIcon />
        {t("lessons.action.retry")}
      </button>
    ) : (
      <button
        type="button"
        className="button-primary"
        {...unavailableUnless(canShowMe(run.status))}
        aria-busy={busy}
        title={t("lessons.action.showMeTitle")}
        onClick={() => {
          if (canShowMe(run.status)) void engine.showMe(run.stepIndex);
        }}
      >
        <ShowMeIcon />
        {run.status === "showing"
          ? t("lessons.action.showing")
          : run.status === "setting-up"
            ? t("lessons.action.preparing")
            : t("lessons.action.showMe")}
      </button>
    );

  const second =
    run.status === "complete" ? (
      next ? (
        <AllLessonsButton />
      ) : null
    ) : (
      <button
        type="button"
        {...unavailableUnless(canAskHint)}
        onClick={() => {
          if (canAskHint) engine.showHint();
        }}
      >
        <HintIcon />
        {t("lessons.action.hint")}
        <span className="lesson-hints-left" aria-hidden="true">
          {t("lessons.action.hintsLeft", { n: left })}
        </span>
      </button>
    );

  return (
    <div className="lesson-controls">
      <div className="lesson-controls-row">
        {main}
        {second}
      </div>
      <div className="lesson-controls-row lesson-controls-quiet">
        <button
          type="button"
          {...unavailableUnless(run.status !== "setting-up")}
          onClick={() => {
            if (run.status !== "setting-up") startLesson(lesson.id);
          }}
        >
          {t("lessons.action.restart")}
        </button>
        <button type="button" onClick={exitLesson}>
          {t("lessons.action.exit")}
        </button>
      </div>
    </div>
  );
}

/**
 * A button that cannot be used right now but keeps focus: `disabled` would drop the focus
 * of a learner who just pressed it (Show me turns busy, the last hint is shown), so these
 * say aria-disabled and their handlers check for themselves.
 */
function unavailableUnless(available: boolean) {
  return { "aria-disabled": !available };
}

function AllLessonsButton({ primary = false }: { primary?: boolean }) {
  const t = useTranslate();
  return (
    <button
      type="button"
      className={primary ? "button-primary" : undefined}
      onClick={openLessonCatalog}
    >
      <BookIcon />
      {t("lessons.action.all")}
    </button>
  );
}
