/** The translate function for the viewer's current language. */
import { useCallback } from "react";
import { usePlayground } from "../store/store.ts";
import type { MessageKey } from "./en.ts";
import { translate } from "./translate.ts";

export function useTranslate(): (
  key: MessageKey,
  values?: Record<string, string | number>,
) => string {
  const language = usePlayground((state) => state.language);
  return useCallback((key, values) => translate(language, key, values), [language]);
}
