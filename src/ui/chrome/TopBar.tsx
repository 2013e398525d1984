/** The top bar: the playground's name and the viewer's language. */
import { useTranslate } from "../i18n/use-translate.ts";
import { LANGUAGES, type Language } from "../i18n/translate.ts";
import { usePlayground } from "../store/store.ts";
import { setLanguage } from "../store/view-actions.ts";

export function TopBar() {
  const t = useTranslate();
  const language = usePlayground((state) => state.language);
  return (
    <header className="top-bar">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <h1>{t("app.title")}</h1>
        <span className="tagline">{t("app.tagline")}</span>
      </div>
      <label className="language">
        <span>{t("settings.language")}</span>
        <select
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
          data-testid="language-select"
        >
          {(Object.keys(LANGUAGES) as Language[]).map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGES[code].label}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
