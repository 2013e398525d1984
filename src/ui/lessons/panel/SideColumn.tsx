/**
 * The right-hand column. Without a lesson it is the inspector, as before. While a lesson
 * runs the lesson takes the column, with tabs "Lesson | Inspector" above it: at 1280×800
 * the column is too short for both at once (a step's narration, hints and buttons need
 * most of it), and the canvas, where the lesson's effect shows, keeps its full width. The
 * inspector stays mounted behind its tab (its metric series keep recording), a dot on the
 * tab tells when something new was selected, and the lesson tab counts the steps, so a
 * step finishing while the inspector is open is not missed.
 */
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslate } from "../../i18n/use-translate.ts";
import { selectionKey } from "../../inspector/selection-key.ts";
import { usePlayground } from "../../store/store.ts";
import { lessonEngine } from "../lessons.ts";
import { LessonCatalogHost } from "./LessonCatalog.tsx";
import { LessonPanel } from "./LessonPanel.tsx";
import { tabAfterKey } from "../../tab-keys.ts";
import "./side-column.css";

type SideTab = "lesson" | "inspector";
const TABS: readonly SideTab[] = ["lesson", "inspector"];

/** One tab of the column; only the selected one is in the Tab order (arrows move between). */
function SideTabButton({
  id,
  selected,
  onChoose,
  children,
}: {
  id: SideTab;
  selected: SideTab;
  onChoose: (tab: SideTab) => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="tab"
      id={`side-tab-${id}`}
      className="side-tab"
      aria-selected={selected === id}
      aria-controls={`side-panel-${id}`}
      tabIndex={selected === id ? 0 : -1}
      onClick={() => onChoose(id)}
    >
      {children}
    </button>
  );
}

export function SideColumn({ inspector }: { inspector: ReactNode }) {
  const t = useTranslate();
  const lessonId = usePlayground((state) => state.lessonRun?.lessonId ?? null);
  const settingUp = usePlayground((state) => state.lessonRun?.status === "setting-up");
  const selected = usePlayground((state) => selectionKey(state.selection));
  // The lesson the learner switched to the inspector in (a new lesson shows itself).
  const [inspectorFor, setInspectorFor] = useState<string | null>(null);
  const [seenSelection, setSeenSelection] = useState(selected);
  // Starting or restarting a lesson brings its tab forward.
  if (settingUp && inspectorFor !== null) setInspectorFor(null);
  const tab: SideTab = lessonId !== null && inspectorFor !== lessonId ? "lesson" : "inspector";
  if (tab === "inspector" && seenSelection !== selected) setSeenSelection(selected);
  const unseenSelection = tab === "lesson" && selected !== seenSelection && selected !== "cluster";

  const choose = (next: SideTab) => setInspectorFor(next === "inspector" ? lessonId : null);
  const onKeyDown = (event: KeyboardEvent) => {
    // From the tab that has focus (the selected one, unless focus was moved by a script).
    const focused = TABS.find((id) => (event.target as Element).id === `side-tab-${id}`) ?? tab;
    const next = tabAfterKey(TABS, focused, event.key);
    if (next === null) return;
    event.preventDefault();
    choose(next);
    document.getElementById(`side-tab-${next}`)?.focus();
  };

  return (
    <div className="side-column" data-lesson-open={lessonId !== null}>
      {lessonId !== null && (
        <div
          role="tablist"
          aria-label={t("lessons.tabs.label")}
          className="side-tabs"
          onKeyDown={onKeyDown}
        >
          <SideTabButton id="lesson" selected={tab} onChoose={choose}>
            {t("lessons.tabs.lesson")}
            <StepCounter />
          </SideTabButton>
          <SideTabButton id="inspector" selected={tab} onChoose={choose}>
            {t("lessons.tabs.inspector")}
            <span
              className="side-tab-dot"
              data-on={unseenSelection}
              title={unseenSelection ? t("lessons.tabs.newSelection") : undefined}
            >
              {unseenSelection && (
                <span className="visually-hidden">{t("lessons.tabs.newSelection")}</span>
              )}
            </span>
          </SideTabButton>
        </div>
      )}
      {lessonId !== null && (
        <div
          id="side-panel-lesson"
          role="tabpanel"
          aria-labelledby="side-tab-lesson"
          className="side-panel"
          hidden={tab !== "lesson"}
        >
          <LessonPanel />
        </div>
      )}
      <div
        id="side-panel-inspector"
        role={lessonId !== null ? "tabpanel" : undefined}
        aria-labelledby={lessonId !== null ? "side-tab-inspector" : undefined}
        className="side-panel"
        hidden={tab !== "inspector"}
      >
        {inspector}
      </div>
      <LessonCatalogHost />
    </div>
  );
}

/** "2/3" beside the tab's name: the step being worked on; it briefly lights up on change. */
function StepCounter() {
  const t = useTranslate();
  const stepIndex = usePlayground((state) => state.lessonRun?.stepIndex ?? 0);
  const lessonId = usePlayground((state) => state.lessonRun?.lessonId ?? "");
  const total = lessonEngine().lesson(lessonId)?.steps.length ?? 0;
  if (total === 0) return null;
  return (
    <span className="side-tab-count" key={`${lessonId}:${stepIndex}`}>
      {t("lessons.tabs.lessonProgress", { n: Math.min(stepIndex + 1, total), total })}
    </span>
  );
}
