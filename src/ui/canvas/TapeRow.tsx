/**
 * One partition's tape with its header: partition number (selects it), leader, ISR (amber
 * when under-replicated) and the leader's log start, HW and LEO. Subscribes to its own
 * partition and to the groups' commits on it, so a record elsewhere never renders it.
 */
import { memo, useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { useTranslate } from "../i18n/use-translate.ts";
import { usePlayground } from "../store/store.ts";
import { select } from "../store/view-actions.ts";
import { useAnchor } from "./anchors.ts";
import { formatInteger } from "./format.ts";
import { CrownIcon } from "./icons.tsx";
import { groupCommitList, groupCommitsOf, tapeOffsets, tapeWindow } from "./tape-geometry.ts";
import { TapeSvg } from "./TapeSvg.tsx";

export const TapeRow = memo(function TapeRow({
  topic,
  partition,
}: {
  topic: string;
  partition: number;
}) {
  const t = useTranslate();
  const language = usePlayground((s) => s.language);
  const view = usePlayground((s) => s.topics[topic]?.partitions[partition]);
  const commitList = usePlayground(useShallow((s) => groupCommitList(s.groups, topic, partition)));
  const selected = usePlayground(
    (s) =>
      s.selection?.kind === "partition" &&
      s.selection.topic === topic &&
      s.selection.partition === partition,
  );
  const anchor = useAnchor(`partition:${topic}:${partition}`);

  const found = view === undefined ? null : tapeOffsets(view);
  const logStart = found?.logStart ?? 0;
  const leo = found?.leo ?? 0;
  const hw = found?.hw ?? 0;
  // Stable objects while the numbers stay, so the memoised tape skips those renders.
  const offsets = useMemo(() => ({ logStart, leo, hw }), [logStart, leo, hw]);
  const span = useMemo(() => tapeWindow(leo), [leo]);
  const commits = useMemo(() => groupCommitsOf(commitList), [commitList]);
  if (view === undefined) return null;

  const figure = (value: number) => formatInteger(value, language);
  const underReplicated = view.isr.length < view.replicas.length;
  return (
    <div
      ref={anchor}
      className="cv-tape"
      data-testid={`partition-${topic}-${partition}`}
      data-hw={hw}
      data-leo={leo}
      data-log-start={logStart}
      data-selected={String(selected)}
    >
      <div className="cv-tape-head">
        <button
          type="button"
          className="cv-tape-name"
          aria-pressed={selected}
          onClick={() => select({ kind: "partition", topic, partition })}
        >
          {t("canvas.tapes.partition", { partition })}
        </button>
        <span className="cv-tape-fact">
          {view.leader < 0 ? (
            <span className="cv-error-text">{t("canvas.tapes.noLeader")}</span>
          ) : (
            <>
              <CrownIcon size={9} /> {t("canvas.tapes.leader", { leader: view.leader })}
            </>
          )}
        </span>
        <span
          className={`cv-tape-fact${underReplicated ? " cv-warn-text" : ""}`}
          title={t("canvas.tapes.isrHint")}
        >
          ISR {view.isr.join(", ") || "–"}
          {underReplicated && ` · ${t("canvas.tapes.underReplicated")}`}
        </span>
        <span className="cv-tape-figures">
          <span title={t("canvas.tapes.logStartHint", { offset: logStart })}>
            <span className="cv-figure-label">{t("canvas.tapes.logStart")}</span>{" "}
            <span className="cv-figure">{figure(logStart)}</span>
          </span>
          <span title={t("canvas.tapes.hwHint", { offset: hw })}>
            <span className="cv-figure-label">HW</span>{" "}
            <span className="cv-figure">{figure(hw)}</span>
          </span>
          <span title={t("canvas.tapes.leoHint", { offset: leo })}>
            <span className="cv-figure-label">LEO</span>{" "}
            <span className="cv-figure">{figure(leo)}</span>
          </span>
        </span>
      </div>
      <TapeSvg
        span={span}
        offsets={offsets}
        segmentBases={view.segmentBases}
        cells={view.cells}
        commits={commits}
      />
    </div>
  );
});
