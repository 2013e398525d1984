/**
 * The top bar (UI.md's layout): the cluster, play/pause and speed, creating a topic, and
 * the viewer's settings (language, theme, the settings dialog). While the cluster is
 * paused a badge hangs below the bar, so nobody wonders why nothing moves.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { openDialog } from "../store/view-actions.ts";
import { ClusterName } from "./ClusterName.tsx";
import { GearIcon, PauseIcon, PlusIcon } from "./icons.tsx";
import { LanguageSelect } from "./LanguageSelect.tsx";
import { PlaybackControls } from "./PlaybackControls.tsx";
import { ThemeToggle } from "./ThemeToggle.tsx";
import { LessonsButton } from "../lessons/panel/LessonsButton.tsx";
import { ShareButton } from "../share/ShareButton.tsx";
import "./chrome.css";

export function TopBar() {
  const t = useTranslate();
  const paused = usePlayground((state) => state.paused);
  // Actions need the session, which exists once the cluster has an id.
  const started = usePlayground((state) => state.clusterId !== null);
  return (
    <header className="top-bar" data-paused={paused}>
      <div className="top-bar-brand">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <h1>{t("app.title")}</h1>
        <ClusterName />
      </div>
      <PlaybackControls disabled={!started} />
      <button
        type="button"
        className="button-primary"
        disabled={!started}
        onClick={() => openDialog({ kind: "create-topic" })}
      >
        <PlusIcon />
        {t("topbar.createTopic")}
      </button>
      <div className="top-bar-end">
        <LessonsButton />
        <ShareButton />
        <LanguageSelect />
        <ThemeToggle />
        <button
          type="button"
          aria-label={t("topbar.settings")}
          title={t("topbar.settings")}
          onClick={() => openDialog({ kind: "settings" })}
        >
          <GearIcon />
          <span className="top-bar-word" aria-hidden="true">
            {t("topbar.settings")}
          </span>
        </button>
      </div>
      {paused && (
        <p className="paused-badge" role="status">
          <PauseIcon />
          {t("topbar.pausedBadge")}
        </p>
      )}
    </header>
  );
}
