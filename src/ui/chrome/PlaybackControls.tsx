/**
 * Play / pause and the speed of the whole cluster's time (UI.md: "paused means frozen").
 * The store changes at once; if the cluster refuses, the error shows as a toast.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import {
  pauseCluster,
  resumeCluster,
  setClusterSpeed,
  type ActionResult,
} from "../playground/actions.ts";
import { usePlayground } from "../store/store.ts";
import { pushToast } from "../store/view-actions.ts";
import { explainError } from "../dialogs/explain-error.ts";
import { PauseIcon, PlayIcon } from "./icons.tsx";

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export function PlaybackControls({ disabled }: { disabled: boolean }) {
  const t = useTranslate();
  const paused = usePlayground((state) => state.paused);
  const speed = usePlayground((state) => state.speed);
  const report = (result: ActionResult) => {
    if (!result.ok) {
      pushToast({
        tone: "error",
        text: explainError(t, result.errorName, result.message),
        errorName: result.errorName,
      });
    }
  };
  const formatSpeed = (value: number) => t("playback.speedValue", { speed: value });
  return (
    <div className="playback">
      <button
        type="button"
        className="pause-button"
        disabled={disabled}
        onClick={() => void (paused ? resumeCluster() : pauseCluster()).then(report)}
      >
        {paused ? <PlayIcon /> : <PauseIcon />}
        {paused ? t("playback.resume") : t("playback.pause")}
      </button>
      <fieldset className="speed" disabled={disabled}>
        <legend className="visually-hidden">{t("playback.speed")}</legend>
        <span className="speed-label" aria-hidden="true">
          {t("playback.speed")}
        </span>
        {SPEEDS.map((value) => (
          <label key={value} className="speed-option">
            <input
              type="radio"
              name="cluster-speed"
              value={value}
              checked={speed === value}
              onChange={() => void setClusterSpeed(value).then(report)}
            />
            <span className="number">{formatSpeed(value)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
