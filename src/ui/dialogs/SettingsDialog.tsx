/**
 * The viewer's settings: where the brokers keep their data (taken up at the next reset),
 * the language, the theme, and the way to reset the playground. Choices apply at once.
 */
import { useState } from "react";
import { THEME_LABEL_KEYS } from "../chrome/ThemeToggle.tsx";
import { LANGUAGES, type Language } from "../i18n/translate.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import {
  saveStorageChoice,
  savedStorageChoice,
  type StorageSetting,
} from "../playground/default-cluster.ts";
import { usePlayground } from "../store/store.ts";
import { closeDialog, openDialog, setLanguage, setTheme } from "../store/view-actions.ts";
import type { Theme } from "../store/view-slice.ts";
import { ChoiceGroup } from "./ChoiceGroup.tsx";
import { Modal } from "./Modal.tsx";

const STORAGE_CHOICES: readonly StorageSetting[] = ["auto", "opfs", "indexeddb", "memory"];
const STORAGE_KEYS = {
  auto: ["settings.storageAuto", "settings.storageAutoHint"],
  opfs: ["settings.storageOpfs", "settings.storageOpfsHint"],
  indexeddb: ["settings.storageIndexedDb", "settings.storageIndexedDbHint"],
  memory: ["settings.storageMemory", "settings.storageMemoryHint"],
} as const;
const IN_USE_KEYS = {
  opfs: "settings.storageOpfs",
  indexeddb: "settings.storageIndexedDb",
  memory: "settings.storageMemory",
} as const;
const THEMES: readonly Theme[] = ["system", "light", "dark"];

export function SettingsDialog() {
  const t = useTranslate();
  const language = usePlayground((state) => state.language);
  const theme = usePlayground((state) => state.theme);
  const inUse = usePlayground((state) => state.storage);
  const [storage, setStorage] = useState<StorageSetting>(() => savedStorageChoice());

  const chooseStorage = (choice: StorageSetting) => {
    saveStorageChoice(choice);
    setStorage(choice);
  };

  return (
    <Modal
      title={t("settings.title")}
      onClose={closeDialog}
      onSubmit={closeDialog}
      testId="dialog-settings"
      footer={
        <>
          <button
            type="button"
            className="button-danger-outline footer-start"
            onClick={() => openDialog({ kind: "reset" })}
          >
            {t("settings.reset")}
          </button>
          <button type="submit" className="button-primary">
            {t("dialog.done")}
          </button>
        </>
      }
    >
      <ChoiceGroup
        legend={t("settings.language")}
        name="language"
        inline
        value={language}
        onChange={(choice: Language) => setLanguage(choice)}
        choices={(Object.keys(LANGUAGES) as Language[]).map((code) => ({
          value: code,
          label: <span lang={code}>{LANGUAGES[code].label}</span>,
        }))}
      />
      <ChoiceGroup
        legend={t("settings.theme")}
        name="theme"
        inline
        value={theme}
        onChange={setTheme}
        choices={THEMES.map((choice) => ({ value: choice, label: t(THEME_LABEL_KEYS[choice]) }))}
      />
      <ChoiceGroup
        legend={t("settings.storage")}
        name="storage"
        value={storage}
        onChange={chooseStorage}
        choices={STORAGE_CHOICES.map((choice) => ({
          value: choice,
          label: t(STORAGE_KEYS[choice][0]),
          description: t(STORAGE_KEYS[choice][1]),
        }))}
      />
      <p className="settings-note" role="note">
        {inUse !== null && <>{t("settings.storageInUse", { storage: t(IN_USE_KEYS[inUse]) })} </>}
        {t("settings.storageNextReset")}
      </p>
    </Modal>
  );
}
