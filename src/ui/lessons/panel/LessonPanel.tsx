/**
 * The lesson being taken: its number, title and question; its steps (done ones folded to
 * their takeaway, the current one's narration large with a live "watching the cluster"
 * line and any hints asked for, the rest dimmed); what the engine is doing (preparing the
 * cluster, an error with Kafka's name, the summary once complete); and the buttons.
 * Everything comes from the store's `lessonRun`; the engine decides, the panel draws.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslate } from "../../i18n/use-translate.ts";
import { usePlayground } from "../../store/store.ts";
import type { LessonRun } from "../../store/lessons-slice.ts";
import type { Lesson } from "../lesson.ts";
import { lessonEngine } from "../lessons.ts";
import { LessonControls } from "./LessonControls.tsx";
import { LessonComplete, LessonSettingUp } from "./LessonNotes.tsx";
import { LessonStepItem } from "./LessonStepItem.tsx";
import { lessonNumber, localized, stepStates } from "./step-states.ts";
import "./lesson-panel.css";

export function LessonPanel() {
  const run = usePlayground((state) => state.lessonRun);
  const lesson = run ? lessonEngine().lesson(run.lessonId) : undefined;
  if (!run || !lesson) return null;
  return <RunningLesson run={run} lesson={lesson} />;
}

/** The step that was current just before, while the run moves on to the next. */
function useJustFinished(run: LessonRun): number | null {
  const [seen, setSeen] = useState({ lessonId: run.lessonId, stepIndex: run.stepIndex });
  const [justFinished, setJustFinished] = useState<number | null>(null);
  if (seen.lessonId !== run.lessonId || seen.stepIndex !== run.stepIndex) {
    const advanced = seen.lessonId === run.lessonId && run.stepIndex === seen.stepIndex + 1;
    setJustFinished(advanced ? seen.stepIndex : null);
    setSeen({ lessonId: run.lessonId, stepIndex: run.stepIndex });
  }
  return justFinished;
}

function RunningLesson({ run, lesson }: { run: LessonRun; lesson: Lesson }) {
  const t = useTranslate();
  const language = usePlayground((state) => state.language);
  const scroller = useRef<HTMLDivElement>(null);
  const justFinished = useJustFinished(run);
  const number = lessonNumber(lessonEngine().lessons, lesson.id);
  const states = stepStates(run, lesson.steps.length);
  const total = lesson.steps.length;
  const complete = run.status === "complete";
  const current = lesson.steps[run.stepIndex];

  const failed = run.status === "failed";
  // The step now being worked on (its error, or the summary) scrolls into view as the
  // lesson moves.
  useEffect(() => {
    const target = scroller.current?.querySelector(
      '.lesson-error, [data-state="current"], .lesson-complete, .lesson-setting-up',
    );
    target?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [run.lessonId, run.stepIndex, complete, failed]);

  return (
    <section
      className="lesson-panel"
      data-testid="lesson-panel"
      data-lesson={lesson.id}
      data-status={run.status}
      data-step={run.stepIndex}
      aria-label={t("lessons.panel.label", { n: number, title: localized(lesson.title, language) })}
    >
      <header className="lesson-header">
        <p className="lesson-kicker">
          <span>{t("lessons.panel.number", { n: number })}</span>
          <span className="lesson-kicker-step">
            {complete
              ? t("lessons.complete.title")
              : run.status === "setting-up"
                ? t("lessons.action.preparing")
                : t("lessons.panel.stepOf", { n: run.stepIndex + 1, total })}
          </span>
        </p>
        <h2 className="lesson-title">{localized(lesson.title, language)}</h2>
        <p className="lesson-question">{localized(lesson.question, language)}</p>
      </header>
      <div className="lesson-scroll" ref={scroller}>
        {run.status === "setting-up" && <LessonSettingUp />}
        <ol className="lesson-steps" aria-label={t("lessons.panel.steps")}>
          {lesson.steps.map((step, index) => (
            <LessonStepItem
              key={step.id}
              step={step}
              index={index}
              state={states[index]!}
              run={run}
              flash={index === justFinished}
            />
          ))}
        </ol>
        {complete && <LessonComplete lesson={lesson} />}
      </div>
      <LessonControls run={run} lesson={lesson} />
      {/* Read out when the lesson moves on; the panel itself is not a live region. */}
      <p className="visually-hidden" role="status">
        {current && run.status !== "setting-up"
          ? t("lessons.step.announce", {
              n: run.stepIndex + 1,
              total,
              narration: localized(current.narration, language),
            })
          : complete
            ? t("lessons.complete.title")
            : ""}
      </p>
    </section>
  );
}
