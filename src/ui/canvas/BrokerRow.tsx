/** The brokers side by side, one card each, under a heading with the "Add broker" button. */
import { useShallow } from "zustand/react/shallow";
import { useTranslate } from "../i18n/use-translate.ts";
import { addBroker } from "../playground/actions.ts";
import { usePlayground } from "../store/store.ts";
import { BrokerCard } from "./BrokerCard.tsx";
import { useAction } from "./use-action.ts";
import "./brokers.css";

export function BrokerRow() {
  const t = useTranslate();
  const ids = usePlayground(
    useShallow((s) =>
      Object.keys(s.brokers)
        .map(Number)
        .sort((a, b) => a - b),
    ),
  );
  const add = useAction();
  return (
    <div className="cv-broker-area" role="group" aria-label={t("canvas.brokers")}>
      <div className="cv-area-head">
        <h2 className="cv-heading">{t("canvas.brokers")}</h2>
        <button
          type="button"
          className="cv-button cv-add-broker"
          disabled={add.busy}
          title={t("canvas.broker.addHint")}
          onClick={() => void add.run(t("canvas.broker.add"), addBroker)}
        >
          <span aria-hidden="true">+ </span>
          {t("canvas.broker.add")}
        </button>
      </div>
      <div className="cv-brokers">
        {ids.map((id) => (
          <BrokerCard key={id} brokerId={id} />
        ))}
      </div>
    </div>
  );
}
