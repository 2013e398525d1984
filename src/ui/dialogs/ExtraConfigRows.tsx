/**
 * Any other topic config, as "name = value" rows: the name suggested from Kafka's topic
 * configs, each row removable, at most MAX_ROWS of them.
 */
import { useId } from "react";
import { PlusIcon, TrashIcon } from "../chrome/icons.tsx";
import { useTranslate } from "../i18n/use-translate.ts";
import { IssueText } from "./Field.tsx";
import { SUGGESTED_TOPIC_CONFIGS } from "./topic-config-rules.ts";
import type { ConfigRowDraft } from "./topic-validation.ts";
import { issueFor, type Issue } from "./validation.ts";

const MAX_ROWS = 12;

interface Props {
  rows: ConfigRowDraft[];
  onChange: (rows: ConfigRowDraft[]) => void;
  issues: readonly Issue[];
}

export function ExtraConfigRows({ rows, onChange, issues }: Props) {
  const t = useTranslate();
  const listId = useId();
  const baseId = useId();
  const change = (index: number, patch: Partial<ConfigRowDraft>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const add = () => {
    onChange([...rows, { name: "", value: "" }]);
    // Focus the new row's name once it is drawn.
    requestAnimationFrame(() => document.getElementById(`${baseId}-name-${rows.length}`)?.focus());
  };
  return (
    <div className="extra-configs">
      <datalist id={listId}>
        {SUGGESTED_TOPIC_CONFIGS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {rows.map((row, index) => {
        const issue = issueFor(issues, `config-${index}`);
        const noteId = `${baseId}-note-${index}`;
        const describedBy = issue === undefined ? undefined : noteId;
        const invalid = issue?.severity === "error" ? true : undefined;
        return (
          <div key={index} className="extra-config-row" data-severity={issue?.severity}>
            <input
              id={`${baseId}-name-${index}`}
              type="text"
              list={listId}
              aria-label={t("createTopic.extraName", { n: index + 1 })}
              placeholder={t("createTopic.extraNamePlaceholder")}
              value={row.name}
              onChange={(event) => change(index, { name: event.target.value })}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              spellCheck={false}
              autoComplete="off"
            />
            <span aria-hidden="true">=</span>
            <input
              type="text"
              aria-label={t("createTopic.extraValue", { n: index + 1 })}
              placeholder={t("createTopic.extraValuePlaceholder")}
              value={row.value}
              onChange={(event) => change(index, { value: event.target.value })}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              spellCheck={false}
              autoComplete="off"
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t("createTopic.extraRemove", { n: index + 1 })}
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              <TrashIcon />
            </button>
            {issue !== undefined && (
              <p id={noteId} className={`field-note field-note-${issue.severity}`}>
                <IssueText issue={issue} />
              </p>
            )}
          </div>
        );
      })}
      <button type="button" className="add-row" onClick={add} disabled={rows.length >= MAX_ROWS}>
        <PlusIcon />
        {t("createTopic.extraAdd")}
      </button>
    </div>
  );
}
