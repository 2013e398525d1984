/** The top bar's "Lessons" button: opens the lesson list (UI.md: after speed, before language). */
import { useTranslate } from "../../i18n/use-translate.ts";
import { usePlayground } from "../../store/store.ts";
import { BookIcon } from "./lesson-icons.tsx";
import { LESSONS_BUTTON_ID, openLessonCatalog } from "./lesson-view.ts";
import "./lessons-button.css";

export function LessonsButton() {
  const t = useTranslate();
  const open = usePlayground((state) => state.lessonCatalogOpen);
  const taking = usePlayground((state) => state.lessonRun !== null);
  // A lesson drives the live cluster: it needs the session, which exists once booted.
  const started = usePlayground((state) => state.clusterId !== null);
  return (
    <button
      type="button"
      id={LESSONS_BUTTON_ID}
      className="lessons-button"
      aria-haspopup="dialog"
      aria-expanded={open}
      title={t("lessons.buttonTitle")}
      disabled={!started}
      data-taking={taking}
      onClick={openLessonCatalog}
    >
      <BookIcon />
      {t("lessons.button")}
    </button>
  );
}
