/**
 * The producers column, left of the brokers (UI.md's layout): one card per producer the
 * user placed. It renders when a producer is added or removed, never with a record.
 */
import { useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import "./cards.css";
import { byNumberedId } from "./group-logic.ts";
import { ProducerCard } from "./ProducerCard.tsx";

export function ProducersColumn() {
  const t = useTranslate();
  const idList = usePlayground((s) => Object.keys(s.producers).sort(byNumberedId).join("\n"));
  const ids = useMemo(() => (idList === "" ? [] : idList.split("\n")), [idList]);
  return (
    <section className="clients-column producers-column" aria-label={t("clients.producers.title")}>
      <h2 className="clients-column-title">{t("clients.producers.title")}</h2>
      {ids.length === 0 ? (
        <p className="clients-empty">{t("clients.producers.empty")}</p>
      ) : (
        ids.map((id) => <ProducerCard key={id} id={id} />)
      )}
    </section>
  );
}
