/** The viewer's language (kept per browser). */
import { LANGUAGES, type Language } from "../i18n/translate.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { setLanguage } from "../store/view-actions.ts";

export function LanguageSelect() {
  const t = useTranslate();
  const language = usePlayground((state) => state.language);
  return (
    <select
      className="language-select"
      aria-label={t("settings.language")}
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
  );
}
