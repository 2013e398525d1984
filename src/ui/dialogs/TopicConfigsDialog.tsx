/**
 * A topic's configs as the broker describes them: its overrides and the common configs,
 * each editable, an override returnable to the default (IncrementalAlterConfigs DELETE),
 * and any other config addable by name. Only what changed is sent.
 */
import { useEffect, useState } from "react";
import { PlusIcon, TrashIcon } from "../chrome/icons.tsx";
import { useTranslate } from "../i18n/use-translate.ts";
import { alterTopicConfigs, describeTopicConfigs } from "../playground/actions.ts";
import { closeDialog, pushToast } from "../store/view-actions.ts";
import { ActionError, CancelAndSubmit, IssueText } from "./Field.tsx";
import { Modal } from "./Modal.tsx";
import {
  configChanges,
  configRowsOf,
  newConfigRow,
  rowChanged,
  type ConfigRow,
} from "./topic-config-edits.ts";
import { SUGGESTED_TOPIC_CONFIGS, topicConfigRule } from "./topic-config-rules.ts";
import { TopicConfigHint } from "./TopicConfigHint.tsx";
import { useAction, type ActionFailure } from "./use-form.ts";
import { issueFor } from "./validation.ts";

type Loaded =
  { state: "loading" } | { state: "failed"; failure: ActionFailure } | { state: "ready" };

export function TopicConfigsDialog({ topic }: { topic: string }) {
  const t = useTranslate();
  const [rows, setRows] = useState<ConfigRow[]>([]);
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [reloads, setReloads] = useState(0);
  const action = useAction();

  useEffect(() => {
    let current = true;
    void describeTopicConfigs(topic).then((result) => {
      if (!current) return;
      if (result.ok) {
        setRows(configRowsOf(result.value));
        setLoaded({ state: "ready" });
      } else {
        setLoaded({
          state: "failed",
          failure: { errorName: result.errorName, message: result.message },
        });
      }
    });
    return () => {
      current = false;
    };
  }, [topic, reloads]);

  const checked = configChanges(rows);
  const changeCount = rows.filter(rowChanged).length;
  const change = (index: number, patch: Partial<ConfigRow>) =>
    setRows((all) => all.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const submit = async () => {
    if (checked.value === null || changeCount === 0) return;
    const changes = checked.value;
    const result = await action.run(() => alterTopicConfigs(topic, changes));
    if (!result?.ok) return;
    closeDialog();
    pushToast({
      tone: "info",
      text: t("topicConfigs.done", { topic, count: changeCount }),
      errorName: null,
    });
  };

  return (
    <Modal
      title={t("topicConfigs.title", { topic })}
      description={t("topicConfigs.description")}
      onClose={closeDialog}
      busy={action.busy}
      onSubmit={() => void submit()}
      size="wide"
      testId="dialog-topic-configs"
      footer={
        <CancelAndSubmit
          cancelLabel={t("dialog.cancel")}
          busy={action.busy}
          blocked={changeCount === 0 || checked.value === null}
          label={t("topicConfigs.submit", { count: changeCount })}
          busyLabel={t("topicConfigs.submitting")}
        />
      }
    >
      {loaded.state === "loading" && (
        <p className="loading-note" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("topicConfigs.loading")}
        </p>
      )}
      {loaded.state === "failed" && (
        <>
          <ActionError {...loaded.failure} />
          <button type="button" onClick={() => setReloads((n) => n + 1)}>
            {t("topicConfigs.retry")}
          </button>
        </>
      )}
      {loaded.state === "ready" && (
        <div className="config-list" role="list">
          <datalist id="topic-config-names">
            {SUGGESTED_TOPIC_CONFIGS.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {rows.map((row, index) => (
            <ConfigRowEditor
              key={index}
              row={row}
              index={index}
              issue={issueFor(checked.issues, `row-${index}`)}
              onChange={(patch) => change(index, patch)}
              onRemove={() => setRows((all) => all.filter((_, at) => at !== index))}
            />
          ))}
          <button
            type="button"
            className="add-row"
            onClick={() => setRows((all) => [...all, newConfigRow()])}
          >
            <PlusIcon />
            {t("topicConfigs.add")}
          </button>
        </div>
      )}
      {action.failure !== null && <ActionError {...action.failure} />}
    </Modal>
  );
}

interface RowProps {
  row: ConfigRow;
  index: number;
  issue: ReturnType<typeof issueFor>;
  onChange: (patch: Partial<ConfigRow>) => void;
  onRemove: () => void;
}

function ConfigRowEditor({ row, index, issue, onChange, onRemove }: RowProps) {
  const t = useTranslate();
  const valueId = `config-value-${index}`;
  const noteId = `config-note-${index}`;
  const rule = topicConfigRule(row.name.trim());
  const common = {
    id: valueId,
    "aria-describedby": noteId,
    "aria-invalid": issue?.severity === "error" ? true : undefined,
    disabled: row.reset,
  };
  const label = row.added ? t("topicConfigs.newValue", { n: index + 1 }) : row.name;
  return (
    <div
      className="config-row"
      role="listitem"
      data-changed={rowChanged(row) || undefined}
      data-reset={row.reset || undefined}
    >
      <div className="config-row-name">
        {row.added ? (
          <input
            type="text"
            list="topic-config-names"
            aria-label={t("topicConfigs.newName", { n: index + 1 })}
            placeholder={t("createTopic.extraNamePlaceholder")}
            value={row.name}
            onChange={(event) => onChange({ name: event.target.value })}
            spellCheck={false}
            autoComplete="off"
          />
        ) : (
          <label htmlFor={valueId}>
            <code>{row.name}</code>
          </label>
        )}
        <span className={`config-source${row.overridden ? " config-source-topic" : ""}`}>
          {row.added
            ? t("topicConfigs.sourceNew")
            : row.overridden
              ? t("topicConfigs.sourceTopic")
              : t("topicConfigs.sourceDefault")}
        </span>
      </div>
      {rule?.type === "list" ? (
        <select
          {...common}
          aria-label={label}
          value={row.value}
          onChange={(event) => onChange({ value: event.target.value })}
        >
          {[...new Set([...rule.oneOf, row.value])].map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type="text"
          aria-label={row.added ? label : undefined}
          className="number"
          value={row.value}
          onChange={(event) => onChange({ value: event.target.value })}
          spellCheck={false}
          autoComplete="off"
        />
      )}
      <div className="config-row-action">
        {row.added ? (
          <button
            type="button"
            className="icon-button"
            aria-label={t("topicConfigs.remove", { n: index + 1 })}
            onClick={onRemove}
          >
            <TrashIcon />
          </button>
        ) : row.overridden ? (
          <button
            type="button"
            aria-pressed={row.reset}
            onClick={() => onChange({ reset: !row.reset, value: row.current ?? "" })}
          >
            {t("topicConfigs.useDefault")}
          </button>
        ) : null}
      </div>
      <p id={noteId} className={`field-note${issue ? ` field-note-${issue.severity}` : ""}`}>
        {issue !== undefined ? (
          <IssueText issue={issue} />
        ) : (
          <span>
            {row.reset ? (
              t("topicConfigs.willReset")
            ) : (
              <TopicConfigHint name={row.name.trim()} value={row.value} />
            )}
          </span>
        )}
      </p>
    </div>
  );
}
