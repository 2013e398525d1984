/**
 * The timeline of cluster events: newest at the bottom (followed as they arrive until the
 * viewer scrolls up), each in the viewer's language, filtered by category with chips that
 * count. Bounded by the store (TIMELINE_LIMIT) and virtualised.
 */
import { useCallback, useMemo, useState } from "react";
import type { MessageKey } from "../i18n/en.ts";
import { en } from "../i18n/en.ts";
import { useTranslate } from "../i18n/use-translate.ts";
import type { TimelineCategory, TimelineEntry } from "../store/activity-slice.ts";
import type { PlaygroundState } from "../store/store.ts";
import {
  TIMELINE_CATEGORIES,
  countByCategory,
  filterTimeline,
  formatClock,
  toggleCategory,
} from "./timeline-filter.ts";
import { useThrottledStore } from "./use-throttled-store.ts";
import { VirtualList } from "./VirtualList.tsx";

const ROW_HEIGHT = 24;
const REFRESH_MS = 250;
const selectTimeline = (state: PlaygroundState) => state.timeline;
const entryKey = (entry: TimelineEntry) => entry.id;

const isMessageKey = (key: string): key is MessageKey => key in en;

type Translate = ReturnType<typeof useTranslate>;

/** The entry's words; a key this page does not know is shown as it is rather than failing. */
function entryText(entry: TimelineEntry, t: Translate): string {
  return isMessageKey(entry.message) ? t(entry.message, entry.values) : entry.message;
}

/** Kafka's reason for a group change, or why a node stopped: shown after the message. */
function entryDetail(entry: TimelineEntry, t: Translate): string {
  const detail = entry.values.reason ?? entry.values.detail ?? "";
  return detail === "killed" ? t("timeline.detail.killed") : String(detail);
}

function TimelineRow({ entry, index, t }: { entry: TimelineEntry; index: number; t: Translate }) {
  const text = entryText(entry, t);
  const detail = entryDetail(entry, t);
  return (
    <div
      className={`timeline-row timeline-${entry.category}${index % 2 === 0 ? "" : " timeline-row-odd"}`}
      title={detail === "" ? text : `${text} — ${detail}`}
    >
      <time className="timeline-time">{formatClock(entry.atMs)}</time>
      <span className="timeline-category">{t(`timeline.category.${entry.category}`)}</span>
      <span
        className="timeline-node"
        title={entry.node === null ? undefined : t("timeline.nodeTitle", { node: entry.node })}
      >
        {entry.node === null ? "" : t("timeline.node", { node: entry.node })}
      </span>
      <span className="timeline-message">
        {text}
        {detail === "" ? null : <span className="timeline-detail"> — {detail}</span>}
      </span>
    </div>
  );
}

export function TimelinePanel() {
  const t = useTranslate();
  const timeline = useThrottledStore(selectTimeline, REFRESH_MS);
  const [chosen, setChosen] = useState<ReadonlySet<TimelineCategory>>(() => new Set());
  const counts = useMemo(() => countByCategory(timeline), [timeline]);
  const shown = useMemo(() => filterTimeline(timeline, chosen), [timeline, chosen]);
  const renderRow = useCallback(
    (entry: TimelineEntry, index: number) => <TimelineRow entry={entry} index={index} t={t} />,
    [t],
  );

  return (
    <div className="timeline">
      <div className="dock-toolbar" role="group" aria-label={t("timeline.filter")}>
        <span className="dock-toolbar-label" aria-hidden="true">
          {t("timeline.filter")}
        </span>
        <button
          type="button"
          className="chip"
          aria-pressed={chosen.size === 0}
          onClick={() => setChosen(new Set())}
        >
          {t("timeline.filter.all")} <span className="chip-count">{timeline.length}</span>
        </button>
        {TIMELINE_CATEGORIES.map((category) => (
          <button
            key={category}
            type="button"
            className={`chip timeline-${category}`}
            aria-pressed={chosen.has(category)}
            onClick={() => setChosen((current) => toggleCategory(current, category))}
          >
            <span className="chip-mark" aria-hidden="true" />
            {t(`timeline.category.${category}`)}{" "}
            <span className="chip-count">{counts[category]}</span>
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="dock-empty">
          {timeline.length === 0 ? t("timeline.empty") : t("timeline.emptyFiltered")}
        </p>
      ) : (
        <VirtualList
          className="timeline-list"
          items={shown}
          rowHeight={ROW_HEIGHT}
          keyOf={entryKey}
          renderRow={renderRow}
          label={t("timeline.list")}
          role="log"
          follow
          followLabel={t("timeline.latest")}
        />
      )}
    </div>
  );
}
