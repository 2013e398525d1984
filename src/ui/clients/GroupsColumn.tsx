/**
 * The consumer groups column, right of the brokers (UI.md's layout): every group the
 * cluster knows and every group the page's consumers are in. It renders when a group comes
 * or goes; each card follows its own group.
 */
import { useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import "./cards.css";
import "./groups.css";
import { GroupCard } from "./GroupCard.tsx";
import { groupIdsOf } from "./group-logic.ts";

export function GroupsColumn() {
  const t = useTranslate();
  const idList = usePlayground((s) => groupIdsOf(s.groups, s.consumers).join("\n"));
  const paused = usePlayground((s) => s.paused);
  const ids = useMemo(() => (idList === "" ? [] : idList.split("\n")), [idList]);
  return (
    <section
      className={`clients-column groups-column${paused ? " frozen" : ""}`}
      aria-label={t("clients.groups.title")}
    >
      <h2 className="clients-column-title">{t("clients.groups.title")}</h2>
      {ids.length === 0 ? (
        <p className="clients-empty">{t("clients.groups.empty")}</p>
      ) : (
        ids.map((groupId) => <GroupCard key={groupId} groupId={groupId} />)
      )}
    </section>
  );
}
