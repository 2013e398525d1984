/** The view slice's actions: what the viewer looks at, and the settings kept per browser. */
import type { Language } from "../i18n/translate.ts";
import { saveLanguage, saveTheme } from "./settings-slice.ts";
import { usePlayground } from "./store.ts";
import type { Dialog, DockTab, Selection, Theme, Toast } from "./view-slice.ts";

/** Toasts on screen at most; the oldest goes first. */
const MAX_TOASTS = 4;
let nextToastId = 1;

export function pushToast(toast: Omit<Toast, "id">): number {
  const id = nextToastId++;
  usePlayground.setState((state) => ({
    toasts: [...state.toasts, { ...toast, id }].slice(-MAX_TOASTS),
  }));
  return id;
}

export function dismissToast(id: number): void {
  usePlayground.setState((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
}

export function setLanguage(language: Language): void {
  saveLanguage(language);
  usePlayground.setState({ language });
}

export function setTheme(theme: Theme): void {
  saveTheme(theme);
  usePlayground.setState({ theme });
}

export function select(selection: Selection | null): void {
  usePlayground.setState({ selection });
}

export function showDockTab(dockTab: DockTab): void {
  usePlayground.setState({ dockTab });
}

export function openDialog(dialog: Dialog): void {
  usePlayground.setState({ dialog });
}

export function closeDialog(): void {
  usePlayground.setState({ dialog: null });
}

export function dismissWelcome(): void {
  usePlayground.setState({ welcome: false });
}

export function openTopicTapes(topic: string | null): void {
  usePlayground.setState({ openTopic: topic });
}
