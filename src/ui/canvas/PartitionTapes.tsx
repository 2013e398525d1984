/**
 * A topic opened as partition tapes (UI.md): one horizontal log per partition, with a
 * short legend of the marks and a close button.
 */
import { useEffect, useRef, type CSSProperties } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { openTopicTapes } from "../store/view-actions.ts";
import { KEY_HUES } from "./key-colour.ts";
import { TapeRow } from "./TapeRow.tsx";
import { topicColour } from "./topic-colour.ts";
import "./tapes.css";

export function PartitionTapes({ topic }: { topic: string }) {
  const t = useTranslate();
  const exists = usePlayground((s) => s.topics[topic] !== undefined);
  const count = usePlayground((s) => s.topics[topic]?.partitions.length ?? 0);
  const partitions = Array.from({ length: count }, (_, index) => index);
  const panel = useRef<HTMLElement>(null);
  // Opening a topic's tapes brings them into view: they sit below the brokers.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [topic]);
  return (
    <section
      ref={panel}
      className="cv-tapes"
      aria-label={t("canvas.tapes.title", { topic })}
      style={{ "--topic": topicColour(topic) } as CSSProperties}
    >
      <header className="cv-tapes-head">
        <h2 className="cv-heading">
          <span className="cv-swatch" aria-hidden="true" /> {t("canvas.tapes.title", { topic })}
        </h2>
        <button
          type="button"
          className="cv-button cv-close"
          aria-label={t("canvas.tapes.close")}
          onClick={() => openTopicTapes(null)}
        >
          ×
        </button>
      </header>
      <ul className="cv-tapes-legend">
        <li>
          <span className="cv-legend-cell" style={{ background: KEY_HUES[0] }} aria-hidden="true" />
          <span className="cv-legend-cell" style={{ background: KEY_HUES[3] }} aria-hidden="true" />
          {t("canvas.tapes.legendKeyed")}
        </li>
        <li>
          <span
            className="cv-legend-cell cv-legend-uncommitted"
            style={{ background: KEY_HUES[0] }}
            aria-hidden="true"
          />
          {t("canvas.tapes.legendUncommitted")}
        </li>
        <li>
          <span className="cv-legend-cell cv-legend-unknown" aria-hidden="true" />
          {t("canvas.tapes.legendUnknown")}
        </li>
        <li>
          <span className="cv-legend-cell cv-legend-slot" aria-hidden="true" />
          {t("canvas.tapes.legendSlot")}
        </li>
      </ul>

      {!exists && <p className="cv-muted">{t("canvas.tapes.gone")}</p>}
      {partitions.map((partition) => (
        <TapeRow key={partition} topic={topic} partition={partition} />
      ))}
    </section>
  );
}
