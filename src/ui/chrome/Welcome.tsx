/**
 * The first visit's card: what is running, and four first moves worth making. A card, not
 * a modal: the cluster is usable behind it, and it never takes focus on its own.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { dismissWelcome } from "../store/view-actions.ts";
import { CloseIcon } from "./icons.tsx";

const FIRST_MOVES = [
  "welcome.moveProducer",
  "welcome.moveConsumer",
  "welcome.moveKill",
  "welcome.moveLink",
] as const;

export function Welcome() {
  const t = useTranslate();
  const open = usePlayground((state) => state.welcome);
  if (!open) return null;
  return (
    <section
      className="welcome"
      aria-labelledby="welcome-title"
      data-testid="welcome"
      onKeyDown={(event) => {
        if (event.key === "Escape") dismissWelcome();
      }}
    >
      <header className="welcome-header">
        <h2 id="welcome-title">{t("welcome.title")}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t("welcome.close")}
          onClick={dismissWelcome}
        >
          <CloseIcon />
        </button>
      </header>
      <p>{t("welcome.intro")}</p>
      <p className="welcome-try">{t("welcome.try")}</p>
      <ol className="welcome-moves">
        {FIRST_MOVES.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
      <p className="muted welcome-keyboard">{t("welcome.keyboard")}</p>
      <div className="welcome-actions">
        <button type="button" className="button-primary" onClick={dismissWelcome}>
          {t("welcome.gotIt")}
        </button>
      </div>
    </section>
  );
}
