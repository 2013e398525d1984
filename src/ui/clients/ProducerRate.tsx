/**
 * A producer's rate: a slider over round stops and a number to type an exact one. Rate
 * changes apply to the running producer at once (the session retunes it, no restart).
 */
import { useState, type KeyboardEvent } from "react";
import { updateProducer } from "../playground/actions.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import type { ProducerSettings } from "../store/clients-slice.ts";
import {
  parseRate,
  rateAtStop,
  RATE_STOPS,
  stopIndexOf,
  MAX_RATE_PER_SEC,
} from "./producer-rate.ts";
import { runAction } from "./run-action.ts";

export function setProducerRate(id: string, settings: ProducerSettings, ratePerSec: number) {
  if (ratePerSec === settings.ratePerSec) return;
  void runAction(updateProducer(id, { ...settings, ratePerSec }));
}

export function ProducerRate({ id, settings }: { id: string; settings: ProducerSettings }) {
  const t = useTranslate();
  // What is being typed, until Enter or leaving the field; null shows the producer's rate.
  const [typed, setTyped] = useState<string | null>(null);
  const rate = settings.ratePerSec;

  const commitTyped = () => {
    if (typed === null) return;
    const parsed = parseRate(typed);
    setTyped(null);
    if (parsed !== null) setProducerRate(id, settings, parsed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") commitTyped();
    if (event.key === "Escape") setTyped(null);
  };

  return (
    <div className="producer-rate">
      <span className="producer-rate-label">{t("clients.producer.rate")}</span>
      <input
        type="range"
        min={0}
        max={RATE_STOPS.length - 1}
        step={1}
        value={stopIndexOf(rate)}
        aria-label={t("clients.producer.rateSlider", { id })}
        aria-valuetext={t("clients.producer.rateValue", { rate })}
        onChange={(event) => setProducerRate(id, settings, rateAtStop(Number(event.target.value)))}
      />
      <input
        className="producer-rate-number"
        type="number"
        inputMode="decimal"
        min={0}
        max={MAX_RATE_PER_SEC}
        value={typed ?? String(rate)}
        aria-label={t("clients.producer.rateNumber", { id })}
        onChange={(event) => setTyped(event.target.value)}
        onBlur={commitTyped}
        onKeyDown={onKeyDown}
      />
      <span className="producer-rate-unit">{t("clients.producer.rateUnit")}</span>
    </div>
  );
}
