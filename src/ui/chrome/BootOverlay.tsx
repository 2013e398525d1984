/**
 * Start-up progress as a strip under the top bar, not a modal: the page is usable at once
 * (the palette, the settings, the dialogs) while the brokers start. A failed start says
 * why in plain words and offers the way out: resetting the playground.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { openDialog } from "../store/view-actions.ts";
import { ErrorIcon } from "./icons.tsx";

export function BootOverlay() {
  const t = useTranslate();
  const boot = usePlayground((state) => state.boot);
  return (
    // The live region stays mounted so each new step is announced.
    <div className="boot-region" aria-live="polite">
      {boot.status === "starting" && (
        <div className="boot-strip" data-testid="boot-progress">
          <span className="boot-step">{t(boot.step)}</span>
          <span
            className="progress-indeterminate"
            role="progressbar"
            aria-label={t("boot.progressLabel")}
            aria-valuetext={t(boot.step)}
          />
        </div>
      )}
      {boot.status === "error" && (
        <div className="boot-strip boot-error" role="alert">
          <ErrorIcon />
          <span className="boot-step">{t("boot.error", { message: boot.error ?? "" })}</span>
          <span className="boot-error-actions">
            <button type="button" onClick={() => location.reload()}>
              {t("boot.reload")}
            </button>
            <button
              type="button"
              className="button-danger"
              onClick={() => openDialog({ kind: "reset" })}
            >
              {t("boot.reset")}
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
