/**
 * What a broker card lets you do: pull the plug ("Kill broker") or start it again
 * ("Restart broker") — one button that changes with the broker, so keyboard focus stays
 * put — and a controlled shutdown. Failures become toasts with Kafka's error name.
 */
import { useTranslate } from "../i18n/use-translate.ts";
import { killBroker, restartBroker, shutdownBroker } from "../playground/actions.ts";
import type { BrokerLiveness } from "../store/cluster-slice.ts";
import { useAction } from "./use-action.ts";

export function BrokerActions({
  brokerId,
  liveness,
}: {
  brokerId: number;
  liveness: BrokerLiveness;
}) {
  const t = useTranslate();
  const power = useAction();
  const shutdown = useAction();
  const dead = liveness === "dead";
  const powerLabel = t(dead ? "canvas.broker.restart" : "canvas.broker.kill");
  return (
    <div className="cv-broker-actions" onClick={(event) => event.stopPropagation()}>
      <button
        type="button"
        key="power"
        className={dead ? "cv-button cv-button-primary" : "cv-button cv-button-danger"}
        disabled={power.busy}
        title={t(dead ? "canvas.broker.restartHint" : "canvas.broker.killHint")}
        onClick={() =>
          void power.run(powerLabel, () => (dead ? restartBroker(brokerId) : killBroker(brokerId)))
        }
      >
        {powerLabel}
      </button>
      {!dead && (
        <button
          type="button"
          className="cv-button"
          disabled={shutdown.busy || power.busy}
          title={t("canvas.broker.shutdownHint")}
          onClick={() =>
            void shutdown.run(t("canvas.broker.shutdown"), () => shutdownBroker(brokerId))
          }
        >
          {t("canvas.broker.shutdown")}
        </button>
      )}
    </div>
  );
}
