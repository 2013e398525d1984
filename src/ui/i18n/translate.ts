/** Look up a UI string in the chosen language and fill in its {placeholders}. */
import { en, type MessageKey } from "./en.ts";
import { ko } from "./ko.ts";

export type Language = "en" | "ko";

export const LANGUAGES: Record<Language, { label: string; strings: Record<MessageKey, string> }> = {
  en: { label: "English", strings: en },
  ko: { label: "한국어", strings: ko },
};

export function translate(
  language: Language,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const template = LANGUAGES[language].strings[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
