/**
 * A broker's or topic's configs as DescribeConfigs returns them: the ones set (not Kafka's
 * default) first and marked with where they were set; every other one behind "show all".
 * Read again when asked and whenever a dialog closes (an edit may have changed them).
 */
import { useEffect, useState } from "react";
import type { DescribedConfigEntry } from "../../client/admin/admin-types.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import type { ActionResult } from "../playground/actions.ts";
import { usePlayground } from "../store/store.ts";
import { ErrorNote } from "./ClientErrorNote.tsx";
import { configSourceWord, orderConfigs, shownValue } from "./configs.ts";

type Load = () => Promise<ActionResult<DescribedConfigEntry[]>>;

interface Loaded {
  load: Load;
  round: number;
  result: ActionResult<DescribedConfigEntry[]>;
}

/** `load` must keep its identity while it asks the same question (useCallback). */
function useDescribedConfigs(load: Load) {
  const [round, setRound] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const dialogOpen = usePlayground((state) => state.dialog !== null);
  useEffect(() => {
    if (dialogOpen) return;
    let current = true;
    void load().then((result) => {
      if (current) setLoaded({ load, round, result });
    });
    return () => {
      current = false;
    };
  }, [load, round, dialogOpen]);
  const fresh = loaded !== null && loaded.load === load;
  return {
    result: fresh ? loaded.result : null,
    loading: !fresh || loaded.round !== round,
    reload: () => setRound(round + 1),
  };
}

export function ConfigList({ load }: { load: Load }) {
  const t = useTranslate();
  const [showAll, setShowAll] = useState(false);
  const { result, loading, reload } = useDescribedConfigs(load);
  const entries = result?.ok ? result.value : [];
  const shown = orderConfigs(entries, showAll);
  const setCount = entries.filter((entry) => !entry.isDefault).length;
  return (
    <div className="inspector-configs" aria-busy={loading}>
      <div className="inspector-configs-bar">
        <span className="muted">
          {result === null
            ? t("inspector.configs.loading")
            : t("inspector.configs.counts", { set: setCount, total: entries.length })}
        </span>
        <button type="button" className="inspector-link-button" onClick={reload} disabled={loading}>
          {t("inspector.configs.refresh")}
        </button>
      </div>
      {result !== null && !result.ok ? (
        <ErrorNote name={result.errorName} message={result.message} />
      ) : null}
      {result?.ok && shown.length === 0 ? (
        <p className="muted">{t("inspector.configs.allDefault")}</p>
      ) : null}
      {shown.length > 0 ? (
        <table className="inspector-table inspector-config-table">
          <thead>
            <tr>
              <th scope="col">{t("inspector.configs.name")}</th>
              <th scope="col">{t("inspector.configs.value")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr
                key={entry.configName}
                className={entry.isDefault ? "inspector-config-default" : "inspector-config-set"}
              >
                <th scope="row" className="inspector-config-name">
                  {entry.configName}
                </th>
                <td>
                  <span className="inspector-config-value">{shownValue(entry)}</span>
                  <span
                    className="inspector-config-source"
                    title={t("inspector.configs.sourceHint")}
                  >
                    {t(`inspector.configs.source.${configSourceWord(entry.configSource)}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {entries.length > setCount ? (
        <button
          type="button"
          className="inspector-link-button"
          aria-pressed={showAll}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll
            ? t("inspector.configs.showSet")
            : t("inspector.configs.showAll", { count: entries.length })}
        </button>
      ) : null}
    </div>
  );
}
