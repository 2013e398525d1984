/**
 * What the engine is doing, when it is not waiting on the learner: preparing the cluster,
 * stopped by an error (Kafka's name beside a plain line, as everywhere on the page), or
 * done (the lesson's answer).
 */
import { errorDetail, explainError } from "../../dialogs/explain-error.ts";
import { useTranslate } from "../../i18n/use-translate.ts";
import { usePlayground } from "../../store/store.ts";
import type { Lesson } from "../lesson.ts";
import { lessonEngine } from "../lessons.ts";
import { CheckIcon } from "../../chrome/icons.tsx";
import { localized, nextLesson } from "./step-states.ts";
import "./lesson-notes.css";

export function LessonSettingUp() {
  const t = useTranslate();
  return (
    <div className="lesson-setting-up" role="status">
      <span className="lesson-spinner" aria-hidden="true" />
      <div>
        <p>{t("lessons.setup.progress")}</p>
        <p className="lesson-muted">{t("lessons.setup.wait")}</p>
      </div>
    </div>
  );
}

/** A failure of the setup or of "Show me". A plain Error (a wait that timed out) has no
 * Kafka name: its own message is the line. */
export function LessonError({ name, message }: { name: string; message: string }) {
  const t = useTranslate();
  const kafkaName = name !== "Error" ? name : null;
  const explanation = kafkaName ? explainError(t, kafkaName, message) : message;
  const detail = kafkaName ? errorDetail(kafkaName, message) : "";
  return (
    <div className="lesson-error" role="alert" data-testid="lesson-error">
      <p className="lesson-error-title">{t("lessons.error.title")}</p>
      <p className="lesson-error-line">
        {kafkaName && <strong className="lesson-error-name">{kafkaName}</strong>}
        <span>{explanation}</span>
      </p>
      {detail !== "" && detail !== explanation && <p className="lesson-error-detail">{detail}</p>}
      <p className="lesson-muted">{t("lessons.error.hint")}</p>
    </div>
  );
}

export function LessonComplete({ lesson }: { lesson: Lesson }) {
  const t = useTranslate();
  const language = usePlayground((s) => s.language);
  const last = nextLesson(lessonEngine().lessons, lesson.id) === null;
  return (
    <div className="lesson-complete">
      <p className="lesson-complete-title">
        <CheckIcon />
        {t("lessons.complete.title")}
      </p>
      <p className="lesson-summary">{localized(lesson.summary, language)}</p>
      {last && <p className="lesson-muted">{t("lessons.complete.last")}</p>}
    </div>
  );
}
