/**
 * The popover of a link: cut or heal it, or set its latency and loss (both directions, as
 * a real cable would be). Escape or the close button returns focus to the link; a press
 * elsewhere closes it and leaves focus where the press went (taking focus back to the link
 * would scroll the canvas to it under the pointer, and the press would land on whatever
 * scrolled there).
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { MAX_LATENCY_MS } from "../../runtime/network/link-conditions.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import { setLink } from "../playground/actions.ts";
import { lossPercent, parseLinkInput, type LinkEnd, type PairCondition } from "./link-state.ts";
import { useLinkWords } from "./link-words.ts";
import { useAction } from "./use-action.ts";

interface LinkPopoverProps {
  a: LinkEnd;
  b: LinkEnd;
  condition: PairCondition;
  /** `returnFocus`: closed from inside (Escape, the close button), so focus goes back to the link. */
  onClose: (returnFocus: boolean) => void;
}

export function LinkPopover({ a, b, condition, onClose }: LinkPopoverProps) {
  const t = useTranslate();
  const words = useLinkWords();
  const { busy, run } = useAction();
  const [latency, setLatency] = useState(String(condition.latencyMs));
  const [loss, setLoss] = useState(String(lossPercent(condition.lossRate)));
  const [invalid, setInvalid] = useState<"latency" | "loss" | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const cut = condition.cut !== "none";
  const healthy = condition.state === "healthy";
  // Focus comes in on opening, and again when the button it was on goes (cut → heal).
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || !popover.current?.contains(active)) first.current?.focus();
  }, [cut, healthy]);
  // A press anywhere else closes it (its own link's button toggles it instead).
  useEffect(() => {
    const owner = popover.current?.parentElement;
    const onPointerDown = (event: PointerEvent) => {
      if (owner && event.target instanceof Node && !owner.contains(event.target)) onClose(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [onClose]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseLinkInput({ latencyMs: latency, lossPercent: loss }, MAX_LATENCY_MS);
    if (!parsed.ok) {
      setInvalid(parsed.field);
      return;
    }
    setInvalid(null);
    void run(t("canvas.links.apply"), () =>
      setLink(a, b, { latencyMs: parsed.latencyMs, lossRate: parsed.lossRate }),
    );
  };
  const cutOrHeal = (heal: boolean) =>
    void run(t(heal ? "canvas.links.healAction" : "canvas.links.cutAction"), () =>
      setLink(a, b, heal ? { cut: false, latencyMs: 0, lossRate: 0 } : { cut: true }),
    ).then((ok) => {
      if (ok && heal) {
        setLatency("0");
        setLoss("0");
      }
    });
  const errorId = `link-error-${String(a)}-${b}`;
  return (
    <div
      ref={popover}
      className="cv-popover"
      role="dialog"
      aria-label={words.name(a, b)}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        onClose(true);
      }}
    >
      <div className="cv-popover-head">
        <strong>{words.name(a, b)}</strong>
        <button
          type="button"
          className="cv-button cv-close"
          aria-label={t("canvas.links.close")}
          onClick={() => onClose(true)}
        >
          ×
        </button>
      </div>
      <p className="cv-popover-status">{words.status(condition, a, b)}</p>
      <div className="cv-popover-actions">
        {!cut && (
          <button
            ref={first}
            type="button"
            className="cv-button cv-button-danger"
            disabled={busy}
            onClick={() => cutOrHeal(false)}
          >
            ✂ {t("canvas.links.cutAction")}
          </button>
        )}
        {!healthy && (
          <button
            ref={cut ? first : undefined}
            type="button"
            className="cv-button cv-button-primary"
            disabled={busy}
            onClick={() => cutOrHeal(true)}
          >
            {t("canvas.links.healAction")}
          </button>
        )}
      </div>
      <form className="cv-popover-form" onSubmit={apply} noValidate>
        <label>
          {t("canvas.links.latencyField")}
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_LATENCY_MS}
            step={1}
            value={latency}
            aria-invalid={invalid === "latency"}
            aria-describedby={invalid === "latency" ? errorId : undefined}
            onChange={(event) => setLatency(event.target.value)}
          />
        </label>
        <label>
          {t("canvas.links.lossField")}
          <input
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.1}
            value={loss}
            aria-invalid={invalid === "loss"}
            aria-describedby={invalid === "loss" ? errorId : undefined}
            onChange={(event) => setLoss(event.target.value)}
          />
        </label>
        <button type="submit" className="cv-button" disabled={busy}>
          {t("canvas.links.apply")}
        </button>
        {invalid !== null && (
          <p className="cv-error-text cv-popover-error" id={errorId} role="alert">
            {invalid === "latency"
              ? t("canvas.links.invalidLatency", { max: MAX_LATENCY_MS })
              : t("canvas.links.invalidLoss")}
          </p>
        )}
      </form>
    </div>
  );
}
