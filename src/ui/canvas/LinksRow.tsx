/**
 * The network's links, one clickable segment per pair: broker ↔ broker for every pair, and
 * the page's clients ↔ each broker. A segment shows its condition in words and shape
 * (healthy line; cut = broken red dashes with ✂; slow or lossy = the figures); clicking it
 * selects the link and opens a popover to cut, heal, or set latency and loss.
 */
import { memo, useMemo, useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { openLinkPopover, useCanvasView } from "./canvas-view.ts";
import { LinkPopover } from "./LinkPopover.tsx";
import {
  brokerPairs,
  linkTestId,
  PAGE_ENDPOINT,
  pairCondition,
  type LinkEnd,
} from "./link-state.ts";
import { useLinkWords } from "./link-words.ts";
import "./links.css";

export function LinksRow() {
  const t = useTranslate();
  const ids = usePlayground(
    useShallow((s) =>
      Object.keys(s.brokers)
        .map(Number)
        .sort((a, b) => a - b),
    ),
  );
  const pairs = useMemo(() => brokerPairs(ids), [ids]);
  return (
    <div className="cv-links" role="group" aria-label={t("canvas.links.heading")}>
      <h2 className="cv-heading" title={t("canvas.links.hint")}>
        {t("canvas.links.heading")}
      </h2>
      <ul className="cv-link-list">
        {pairs.map(([a, b]) => (
          <LinkSegment key={`${a}-${b}`} a={a} b={b} />
        ))}
      </ul>
      <ul className="cv-link-list">
        {ids.map((id) => (
          <LinkSegment key={`page-${id}`} a={PAGE_ENDPOINT} b={id} />
        ))}
      </ul>
    </div>
  );
}

const LinkSegment = memo(function LinkSegment({ a, b }: { a: LinkEnd; b: number }) {
  const t = useTranslate();
  const words = useLinkWords();
  const condition = usePlayground(useShallow((s) => pairCondition(s.faultyLinks, a, b)));
  const open = useCanvasView(
    (s) => s.openLink !== null && s.openLink.a === a && s.openLink.b === b,
  );
  const selected = usePlayground(
    (s) => s.selection?.kind === "link" && s.selection.from === a && s.selection.to === b,
  );
  const button = useRef<HTMLButtonElement>(null);
  const label = words.name(a, b);
  const statusId = `link-status-${linkTestId(a, b)}`;
  return (
    <li className="cv-link-item">
      <button
        ref={button}
        type="button"
        className={`cv-link cv-link-${condition.state}`}
        data-testid={linkTestId(a, b)}
        data-state={condition.state}
        data-selected={String(selected)}
        aria-label={label}
        aria-describedby={statusId}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => {
          select({ kind: "link", from: a, to: b });
          openLinkPopover(open ? null : { a, b });
        }}
      >
        <span className="cv-link-end">{a === PAGE_ENDPOINT ? t("canvas.links.clients") : a}</span>
        <svg className="cv-link-line" width="44" height="12" viewBox="0 0 44 12" aria-hidden="true">
          <line x1="2" x2="42" y1="6" y2="6" />
        </svg>
        <span className="cv-link-end">{b}</span>
        <span
          className={
            condition.state === "healthy" ? "cv-link-status cv-visually-hidden" : "cv-link-status"
          }
          id={statusId}
        >
          {condition.state === "cut" && <span aria-hidden="true">✂ </span>}
          {words.status(condition, a, b)}
        </span>
      </button>
      {open && (
        <LinkPopover
          a={a}
          b={b}
          condition={condition}
          onClose={(returnFocus) => {
            openLinkPopover(null);
            if (returnFocus) button.current?.focus();
          }}
        />
      )}
    </li>
  );
});
