/**
 * What a producer writes: the key mode (and its fixed key or key set, in one slot so the
 * form does not jump much when the mode changes), the value template, and a preview of the
 * first records.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { keyFor, valueFor } from "../playground/record-keys.ts";
import type { KeyMode } from "../store/clients-slice.ts";
import { CheckField, Field } from "./Field.tsx";
import { parseKeySet, type ProducerDraft } from "./producer-validation.ts";
import type { Issue } from "./validation.ts";

const KEY_MODES: readonly KeyMode[] = ["none", "fixed", "random", "sequence"];
const KEY_MODE_KEYS = {
  none: ["producerDialog.keyNone", "producerDialog.keyNoneHint"],
  fixed: ["producerDialog.keyFixed", "producerDialog.keyFixedHint"],
  random: ["producerDialog.keyRandom", "producerDialog.keyRandomHint"],
  sequence: ["producerDialog.keySequence", "producerDialog.keySequenceHint"],
} as const;
const PREVIEW_RECORDS = 3;

interface Props {
  draft: ProducerDraft;
  update: (patch: Partial<ProducerDraft>) => void;
  issues: readonly Issue[];
  shown: (issues: readonly Issue[], field: string) => Issue | undefined;
}

/** The first records, with the random keys picked in turn (the real producer picks at random). */
function preview(draft: ProducerDraft): { key: string | null; value: string | null }[] {
  const settings = {
    ...draft,
    keySet: parseKeySet(draft.keySet),
    ratePerSec: 0,
    lingerMs: 0,
    batchSize: 0,
  };
  const count = Math.max(1, settings.keySet.length);
  return Array.from({ length: PREVIEW_RECORDS }, (_, n) => {
    const key = keyFor(settings, n, () => (n % count) / count);
    return { key, value: draft.nullValue ? null : valueFor(settings, n, key) };
  });
}

export function ProducerKeyFields({ draft, update, issues, shown }: Props) {
  const t = useTranslate();
  return (
    <>
      <Field label={t("producerDialog.keyMode")} hint={t(KEY_MODE_KEYS[draft.keyMode][1])}>
        {(control) => (
          <select
            {...control}
            value={draft.keyMode}
            onChange={(event) => update({ keyMode: event.target.value as KeyMode })}
          >
            {KEY_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(KEY_MODE_KEYS[mode][0])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="key-slot">
        {draft.keyMode === "fixed" && (
          <Field label={t("producerDialog.fixedKey")} issue={shown(issues, "fixedKey")}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={draft.fixedKey}
                onChange={(event) => update({ fixedKey: event.target.value })}
                spellCheck={false}
                autoComplete="off"
              />
            )}
          </Field>
        )}
        {draft.keyMode === "random" && (
          <Field
            label={t("producerDialog.keySet")}
            hint={t("producerDialog.keySetHint")}
            issue={shown(issues, "keySet")}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                value={draft.keySet}
                onChange={(event) => update({ keySet: event.target.value })}
                spellCheck={false}
                autoComplete="off"
              />
            )}
          </Field>
        )}
      </div>
      <Field
        label={t("producerDialog.valueTemplate")}
        hint={t("producerDialog.valueTemplateHint")}
        issue={shown(issues, "valueTemplate")}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={draft.valueTemplate}
            disabled={draft.nullValue}
            onChange={(event) => update({ valueTemplate: event.target.value })}
            spellCheck={false}
            autoComplete="off"
          />
        )}
      </Field>
      <CheckField
        label={t("producerDialog.nullValue")}
        hint={t("producerDialog.nullValueHint")}
        checked={draft.nullValue}
        onChange={(nullValue) => update({ nullValue })}
      />
    </>
  );
}

/** The first records exactly as the producer will build them. */
export function RecordPreview({ draft }: { draft: ProducerDraft }) {
  const t = useTranslate();
  return (
    <figure className="record-preview">
      <figcaption>{t("producerDialog.preview")}</figcaption>
      <ol>
        {preview(draft).map((record, n) => (
          <li key={n}>
            <code className={record.key === null ? "preview-null" : undefined}>
              {record.key ?? "null"}
            </code>
            <span aria-hidden="true"> → </span>
            <span className="visually-hidden">: </span>
            <code className={record.value === null ? "preview-null" : undefined}>
              {record.value ?? "null"}
            </code>
          </li>
        ))}
      </ol>
    </figure>
  );
}
