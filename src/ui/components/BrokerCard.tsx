/** One broker as a card: id and state, with the state in words and shape, not colour alone. */
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";

export function BrokerCard({ brokerId }: { brokerId: number }) {
  const t = useTranslate();
  const state = usePlayground((s) => s.brokerState);
  return (
    <article className={`broker-card broker-${state}`} data-testid={`broker-${brokerId}`} data-state={state}>
      <h2>{t("broker.card.title", { id: brokerId })}</h2>
      <p className="broker-where">{t("broker.card.where")}</p>
      <p className="broker-state">
        <span className="state-mark" aria-hidden="true" />
        {t(`broker.state.${state}`)}
      </p>
    </article>
  );
}
