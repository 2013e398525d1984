/** The viewer's settings: language (and later theme, storage backend). Saved per browser. */
import type { Language } from "../i18n/translate.ts";

export interface SettingsSlice {
  language: Language;
}

const LANGUAGE_KEY = "kafka-playground.language";

export function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(LANGUAGE_KEY);
  if (saved === "en" || saved === "ko") return saved;
  return globalThis.navigator?.language?.startsWith("ko") ? "ko" : "en";
}

export function saveLanguage(language: Language): void {
  globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
}
