/**
 * One button through the three themes: the system's, light, dark. Its name says which is
 * on and what a press does; the settings dialog offers the same choice as radio buttons.
 */
import type { JSX } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { setTheme } from "../store/view-actions.ts";
import type { Theme } from "../store/view-slice.ts";
import { MoonIcon, SunIcon, SystemThemeIcon } from "./icons.tsx";

const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const ICON: Record<Theme, () => JSX.Element> = {
  system: SystemThemeIcon,
  light: SunIcon,
  dark: MoonIcon,
};

export const THEME_LABEL_KEYS = {
  system: "theme.system",
  light: "theme.light",
  dark: "theme.dark",
} as const;

export function ThemeToggle() {
  const t = useTranslate();
  const theme = usePlayground((state) => state.theme);
  const Icon = ICON[theme];
  const label = t("theme.toggle", {
    theme: t(THEME_LABEL_KEYS[theme]),
    next: t(THEME_LABEL_KEYS[NEXT[theme]]),
  });
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      onClick={() => setTheme(NEXT[theme])}
    >
      <Icon />
    </button>
  );
}
