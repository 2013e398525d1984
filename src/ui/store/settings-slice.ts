/** The viewer's settings kept per browser: language and theme. */
import type { Language } from "../i18n/translate.ts";
import type { Theme } from "./view-slice.ts";

const LANGUAGE_KEY = "kafka-playground.language";
const THEME_KEY = "kafka-playground.theme";

export function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(LANGUAGE_KEY);
  if (saved === "en" || saved === "ko") return saved;
  return globalThis.navigator?.language?.startsWith("ko") ? "ko" : "en";
}

export function saveLanguage(language: Language): void {
  globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
}

export function initialTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(THEME_KEY);
  return saved === "light" || saved === "dark" ? saved : "system";
}

export function saveTheme(theme: Theme): void {
  globalThis.localStorage?.setItem(THEME_KEY, theme);
}
