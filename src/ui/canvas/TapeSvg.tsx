/**
 * One partition's log drawn as a tape (UI.md): a cell per offset in view, coloured by its
 * key (unknown keys outlined, records above the HW faded: not yet on every in-sync
 * replica), segment gaps, log start / HW (solid) / LEO (hollow) ticks above, and under it
 * one lane per group: its glyph at its committed offset and a bar to the HW, its lag.
 * Every mark moves by a CSS transform transition, so the tape slides as the LEO grows.
 */
import { memo, useId, useMemo } from "react";
import { useTranslate } from "../i18n/use-translate.ts";
import type { RecordCell } from "../store/topics-slice.ts";
import { groupGlyph } from "./group-glyph.ts";
import { keyColour } from "./key-colour.ts";
import {
  futureSlots,
  groupLag,
  logStartLabelFits,
  placeMarker,
  SLOT_WIDTH,
  stripOrigin,
  stripShift,
  tapeCells,
  tapeWidth,
  type GroupCommit,
  type TapeCell,
  type TapeWindow,
} from "./tape-geometry.ts";

const MARGIN_LEFT = 30;
const MARGIN_RIGHT = 34;
const TAPE_TOP = 20;
const CELL_HEIGHT = 18;
const LANE_TOP = TAPE_TOP + CELL_HEIGHT + 6;
const LANE_HEIGHT = 18;
/** Room a label needs before the next one (SVG units at the tape's 11px text). */
const LABEL_ROOM = 52;
/** Beyond this x a group's label goes left of its glyph, so it stays on the tape. */
const LABEL_FLIP_ROOM = 110;

interface TapeSvgProps {
  span: TapeWindow;
  offsets: { logStart: number; leo: number; hw: number };
  segmentBases: readonly number[];
  cells: readonly RecordCell[];
  commits: readonly GroupCommit[];
}

export const TapeSvg = memo(function TapeSvg({
  span,
  offsets,
  segmentBases,
  cells,
  commits,
}: TapeSvgProps) {
  const t = useTranslate();
  const width = tapeWidth(span, segmentBases);
  const height = LANE_TOP + commits.length * LANE_HEIGHT + 2;
  const drawn = useMemo(
    () => tapeCells(span, offsets, segmentBases, cells),
    [span, offsets, segmentBases, cells],
  );
  const future = useMemo(
    () => futureSlots(span, offsets.leo, segmentBases),
    [span, offsets.leo, segmentBases],
  );
  const origin = stripOrigin(span).start;
  const shift = stripShift(span, segmentBases);
  const clipId = `cv-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hw = placeMarker(offsets.hw, span, segmentBases);
  const leo = placeMarker(offsets.leo, span, segmentBases);
  const logStart = placeMarker(offsets.logStart, span, segmentBases);
  return (
    <svg
      className="cv-tape-svg"
      viewBox={`${-MARGIN_LEFT} 0 ${width + MARGIN_LEFT + MARGIN_RIGHT} ${height}`}
      width={width + MARGIN_LEFT + MARGIN_RIGHT}
      height={height}
      role="img"
      aria-label={t("canvas.tapes.svgLabel", { from: span.start, to: span.end - 1 })}
    >
      <line
        className="cv-tape-rail"
        x1={0}
        x2={width}
        y1={TAPE_TOP + CELL_HEIGHT + 1.5}
        y2={TAPE_TOP + CELL_HEIGHT + 1.5}
      />
      <defs>
        <clipPath id={clipId}>
          <rect x={0} y={0} width={width} height={height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        {/* Keyed by its origin: a rebase remounts the strip instead of sliding it 1,000 offsets. */}
        <g key={origin} className="cv-tape-strip" style={{ transform: `translateX(${-shift}px)` }}>
          {future.map((slot) => (
            <rect
              key={slot.offset}
              className="cv-slot"
              x={slot.x + 0.5}
              y={TAPE_TOP}
              width={SLOT_WIDTH - 2}
              height={CELL_HEIGHT}
              rx={2}
              aria-hidden="true"
            />
          ))}
          {drawn.map((cell) => (
            <rect
              key={cell.offset}
              className={cellClass(cell)}
              x={cell.x + 0.5}
              y={TAPE_TOP}
              width={SLOT_WIDTH - 2}
              height={CELL_HEIGHT}
              rx={2}
              style={cell.key === undefined ? undefined : { fill: keyColour(cell.key) }}
            >
              <title>
                {cell.key === undefined
                  ? t("canvas.tapes.cellUnknown", { offset: cell.offset })
                  : cell.key === null
                    ? t("canvas.tapes.cellNullKey", { offset: cell.offset })
                    : t("canvas.tapes.cell", { offset: cell.offset, key: cell.key })}
              </title>
            </rect>
          ))}
        </g>
      </g>
      {logStart.side === "in" && (
        <g
          className="cv-marker cv-marker-start"
          style={{ transform: `translateX(${logStart.x}px)` }}
        >
          <title>{t("canvas.tapes.logStartHint", { offset: offsets.logStart })}</title>
          <path
            d={`M0 ${TAPE_TOP - 7} L0 ${TAPE_TOP + CELL_HEIGHT + 3} M0 ${TAPE_TOP - 7} L4 ${TAPE_TOP - 7}`}
          />
          {logStartLabelFits(logStart.x, hw.x, LABEL_ROOM) && (
            <text x={3} y={9}>
              {t("canvas.tapes.logStart")}
            </text>
          )}
        </g>
      )}
      <g className="cv-marker cv-marker-hw" style={{ transform: `translateX(${hw.x}px)` }}>
        <title>{t("canvas.tapes.hwHint", { offset: offsets.hw })}</title>
        <line x1={0} x2={0} y1={TAPE_TOP - 4} y2={TAPE_TOP + CELL_HEIGHT + 3} />
        {/* A flag to the left, so it and the LEO's (to the right) both show where they meet. */}
        <path d={`M0 ${TAPE_TOP - 10} L-7 ${TAPE_TOP - 10} L0 ${TAPE_TOP - 3} Z`} />
        <text x={-9} y={11} textAnchor="end">
          {hw.side === "before" ? "◂ HW" : "HW"}
        </text>
      </g>
      <g className="cv-marker cv-marker-leo" style={{ transform: `translateX(${leo.x}px)` }}>
        <title>{t("canvas.tapes.leoHint", { offset: offsets.leo })}</title>
        <line x1={0} x2={0} y1={TAPE_TOP - 4} y2={TAPE_TOP + CELL_HEIGHT + 3} />
        <path d={`M0 ${TAPE_TOP - 10} L7 ${TAPE_TOP - 10} L0 ${TAPE_TOP - 3} Z`} />
        <text x={9} y={11}>
          LEO
        </text>
      </g>
      {commits.map((commit, lane) => (
        <GroupLane
          key={commit.groupId}
          commit={commit}
          lane={lane}
          hwX={hw.x}
          width={width}
          span={span}
          segmentBases={segmentBases}
          hw={offsets.hw}
        />
      ))}
    </svg>
  );
});

interface GroupLaneProps {
  commit: GroupCommit;
  lane: number;
  hw: number;
  hwX: number;
  width: number;
  span: TapeWindow;
  segmentBases: readonly number[];
}

function GroupLane({ commit, lane, hw, hwX, width, span, segmentBases }: GroupLaneProps) {
  const t = useTranslate();
  const place = placeMarker(commit.offset, span, segmentBases);
  const lag = groupLag(hw, commit.offset);
  const top = LANE_TOP + lane * LANE_HEIGHT;
  const from = Math.min(place.x, hwX);
  const length = Math.max(0, Math.abs(hwX - place.x));
  const flip = place.x > width - LABEL_FLIP_ROOM;
  const label = `${commit.groupId} · ${t("canvas.tapes.lag", { lag })}`;
  return (
    <g className="cv-lane">
      <title>
        {t("canvas.tapes.groupHint", { group: commit.groupId, offset: commit.offset, lag })}
      </title>
      <rect
        className="cv-lag-bar"
        x={0}
        y={top + 1}
        width={1}
        height={2}
        style={{ transform: `translateX(${from}px) scaleX(${length})` }}
      />
      <g
        className="cv-marker cv-marker-group"
        style={{ transform: `translate(${place.x}px, ${top}px)` }}
      >
        <text className="cv-glyph" x={0} y={14} textAnchor="middle">
          {place.side === "before" ? "◂" : groupGlyph(commit.groupId)}
        </text>
        <text x={flip ? -8 : 8} y={14} textAnchor={flip ? "end" : "start"}>
          {label}
        </text>
      </g>
    </g>
  );
}

function cellClass(cell: TapeCell): string {
  let name = "cv-cell";
  if (cell.key === undefined) name += " cv-cell-unknown";
  if (cell.deleted) name += " cv-cell-deleted";
  else if (cell.uncommitted) name += " cv-cell-uncommitted";
  return name;
}
