/**
 * The lesson list: every lesson with its number, title and the learner's question it
 * answers, a check on the ones finished. Choosing one starts it and closes the list. A
 * modal dialog (Esc closes, focus goes back to the button that opened it); the arrow keys
 * move through the lessons in order.
 */
import { useRef, type KeyboardEvent } from "react";
import { Modal } from "../../dialogs/Modal.tsx";
import { useTranslate } from "../../i18n/use-translate.ts";
import { usePlayground } from "../../store/store.ts";
import { lessonEngine } from "../lessons.ts";
import { CheckIcon } from "../../chrome/icons.tsx";
import { closeLessonCatalog, startLesson } from "./lesson-view.ts";
import { listRows, nextListIndex } from "./list-navigation.ts";
import { localized, suggestedLessonIndex } from "./step-states.ts";
import "./lesson-catalog.css";

const COLUMNS = 2;

export function LessonCatalogHost() {
  const open = usePlayground((state) => state.lessonCatalogOpen);
  return open ? <LessonCatalog /> : null;
}

function LessonCatalog() {
  const t = useTranslate();
  const language = usePlayground((state) => state.language);
  const completed = usePlayground((state) => state.lessonsCompleted);
  // A finished lesson still shown in the panel is done, not in progress.
  const runningId = usePlayground((state) =>
    state.lessonRun && state.lessonRun.status !== "complete" ? state.lessonRun.lessonId : null,
  );
  const lessons = lessonEngine().lessons;
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const rows = listRows(lessons.length, COLUMNS);
  const suggested = suggestedLessonIndex(lessons, completed, runningId);
  const done = new Set(completed);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const index = items.current.findIndex((item) => item === event.target);
    if (index < 0) return;
    const next = nextListIndex(event.key, index, lessons.length, rows);
    if (next === null) return;
    event.preventDefault();
    items.current[next]?.focus();
  };

  return (
    <Modal
      title={t("lessons.catalog.title")}
      description={t("lessons.catalog.description")}
      onClose={closeLessonCatalog}
      size="wide"
      testId="lesson-catalog"
      footer={
        <>
          <p className="lesson-catalog-progress">
            {t("lessons.catalog.progress", { done: done.size, total: lessons.length })}
          </p>
          <button type="button" onClick={closeLessonCatalog}>
            {t("lessons.catalog.close")}
          </button>
        </>
      }
    >
      <ol
        className="lesson-catalog"
        style={{ gridTemplateRows: `repeat(${rows}, auto)` }}
        onKeyDown={onKeyDown}
      >
        {lessons.map((lesson, index) => {
          const finished = done.has(lesson.id);
          const running = lesson.id === runningId;
          return (
            <li key={lesson.id}>
              <button
                type="button"
                ref={(element) => {
                  items.current[index] = element;
                }}
                className="lesson-catalog-item"
                data-testid={`lesson-${lesson.id}`}
                data-done={finished}
                data-running={running}
                data-autofocus={index === suggested ? true : undefined}
                onClick={() => startLesson(lesson.id)}
              >
                <span className="lesson-catalog-number" aria-hidden="true">
                  {finished ? <CheckIcon /> : index + 1}
                </span>
                <span className="lesson-catalog-text">
                  <span className="lesson-catalog-title">
                    <span className="visually-hidden">
                      {t("lessons.catalog.number", { n: index + 1 })}:{" "}
                    </span>
                    {localized(lesson.title, language)}
                  </span>
                  <span className="lesson-catalog-question">
                    {localized(lesson.question, language)}
                  </span>
                </span>
                {(finished || running) && (
                  <span className="lesson-catalog-badge" data-kind={running ? "running" : "done"}>
                    {running ? t("lessons.catalog.inProgress") : t("lessons.catalog.done")}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </Modal>
  );
}
