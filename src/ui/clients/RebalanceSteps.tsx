/**
 * A rebalance as four steps, revoke → join → sync → assign, with the one under way
 * highlighted (the group's phase from the store). When the group settles, "assign" glows
 * once for the new generation: that is when members take their partitions.
 */
import { memo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import type { RebalancePhase } from "../store/groups-slice.ts";

const STEPS = ["revoke", "join", "sync", "assign"] as const;

export const RebalanceSteps = memo(function RebalanceSteps({
  phase,
  generation,
}: {
  phase: RebalancePhase;
  generation: number;
}) {
  const t = useTranslate();
  const current = STEPS.indexOf(phase as (typeof STEPS)[number]);
  return (
    // Keyed by generation: the settle glow plays once per completed rebalance.
    <ol
      className={`rebalance-steps phase-${phase}`}
      aria-label={t("clients.group.phases")}
      key={generation}
    >
      {STEPS.map((step, index) => (
        <li
          key={step}
          className={`rebalance-step${index === current ? " current" : ""}${current > index ? " done" : ""}${
            phase === "stable" && step === "assign" && generation > 0 ? " settled" : ""
          }`}
          aria-current={index === current ? "step" : undefined}
          title={t(`clients.group.phaseHint.${step}`)}
        >
          {t(`clients.group.phase.${step}`)}
        </li>
      ))}
    </ol>
  );
});
