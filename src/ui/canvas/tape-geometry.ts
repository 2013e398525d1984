/**
 * Where things go on a partition tape: which offsets are in view (the newest ~40, the
 * window sliding one slot per record so the tape scrolls instead of jumping), each
 * offset's cell, and the markers above (log start, HW, LEO) and below (each group's
 * committed offset) — pure, so the maths is tested without a browser.
 */
import type { RecordCell } from "../store/topics-slice.ts";

/** Offsets in view at once. */
export const TAPE_WINDOW = 40;
/** Empty slots kept right of the LEO: where the next records will land. */
export const TAPE_HEADROOM = 4;
/** One offset's slot, in SVG units; the cell inside leaves a hairline between slots. */
export const SLOT_WIDTH = 14;
/** Extra space before a segment's base offset: the thin gap between segments. */
export const SEGMENT_GAP = 4;

export interface TapeWindow {
  /** The first offset in view. */
  start: number;
  /** One past the last offset in view. */
  end: number;
}

/** The window that keeps the LEO near the right edge, never before offset 0. */
export function tapeWindow(leo: number): TapeWindow {
  const start = Math.max(0, leo + TAPE_HEADROOM - TAPE_WINDOW);
  return { start, end: start + TAPE_WINDOW };
}

/** The tape's width in SVG units with `segmentBases` gaps in view. */
export function tapeWidth(window: TapeWindow, segmentBases: readonly number[]): number {
  return TAPE_WINDOW * SLOT_WIDTH + SEGMENT_GAP * gapsBefore(window.end, window, segmentBases);
}

/** Segment gaps between the window's start and `offset` (a base at the start has none). */
function gapsBefore(offset: number, window: TapeWindow, segmentBases: readonly number[]): number {
  let gaps = 0;
  for (const base of segmentBases) if (base > window.start && base <= offset) gaps += 1;
  return gaps;
}

/** The left edge of `offset`'s slot (offsets outside the window included: the line goes on). */
export function slotX(offset: number, window: TapeWindow, segmentBases: readonly number[]): number {
  return (
    (offset - window.start) * SLOT_WIDTH + SEGMENT_GAP * gapsBefore(offset, window, segmentBases)
  );
}

export type MarkerSide = "in" | "before" | "after";

export interface MarkerPlace {
  /** Where to draw it: at the boundary before `offset`, or at the edge it is beyond. */
  x: number;
  side: MarkerSide;
}

/** A marker at the boundary just before `offset` (HW = offset of the next record to commit). */
export function placeMarker(
  offset: number,
  window: TapeWindow,
  segmentBases: readonly number[],
): MarkerPlace {
  if (offset < window.start) return { x: 0, side: "before" };
  if (offset > window.end) return { x: tapeWidth(window, segmentBases), side: "after" };
  return { x: slotX(offset, window, segmentBases), side: "in" };
}

/**
 * Cells slide as one strip under a fixed window: each cell sits at its place measured from
 * an origin that changes only every REBASE_OFFSETS offsets, and the strip is shifted by the
 * window's start. A new record then arrives with the strip instead of popping in, and the
 * SLIDE_MARGIN offsets either side of the window (clipped) let cells slide out and in.
 */
export const REBASE_OFFSETS = 1_000;
export const SLIDE_MARGIN = 24;

export function stripOrigin(window: TapeWindow): TapeWindow {
  const start = Math.floor(window.start / REBASE_OFFSETS) * REBASE_OFFSETS;
  return { start, end: start + TAPE_WINDOW };
}

/** How far the strip is moved left so the window's first offset is at x = 0. */
export function stripShift(window: TapeWindow, segmentBases: readonly number[]): number {
  return slotX(window.start, stripOrigin(window), segmentBases);
}

export interface TapeCell {
  offset: number;
  /** On the strip: from its origin (see stripOrigin). */
  x: number;
  /** The record's key: a string, null (no key), or undefined when the page never saw it. */
  key: string | null | undefined;
  /** At or above the HW: appended on the leader, not yet on every in-sync replica. */
  uncommitted: boolean;
  /** Below the log start: deleted by retention (drawn fading out, then not at all). */
  deleted: boolean;
}

/**
 * A cell for every offset in and beside the window up to the LEO: those the leader's log
 * holds ([logStart, leo)), and those retention has deleted, so a deletion can fade them.
 */
export function tapeCells(
  window: TapeWindow,
  offsets: { logStart: number; leo: number; hw: number },
  segmentBases: readonly number[],
  known: readonly RecordCell[],
): TapeCell[] {
  const keys = new Map<number, string | null>();
  for (const cell of known) keys.set(cell.offset, cell.key);
  const origin = stripOrigin(window);
  const first = Math.max(window.start - SLIDE_MARGIN, 0);
  const last = Math.min(window.end + SLIDE_MARGIN, offsets.leo);
  const cells: TapeCell[] = [];
  for (let offset = first; offset < last; offset++) {
    cells.push({
      offset,
      x: slotX(offset, origin, segmentBases),
      key: keys.has(offset) ? keys.get(offset)! : undefined,
      uncommitted: offset >= offsets.hw,
      deleted: offset < offsets.logStart,
    });
  }
  return cells;
}

/** The empty slots right of the LEO (in and beside the window): where the next records land. */
export function futureSlots(
  window: TapeWindow,
  leo: number,
  segmentBases: readonly number[],
): { offset: number; x: number }[] {
  const origin = stripOrigin(window);
  const slots: { offset: number; x: number }[] = [];
  for (let offset = Math.max(leo, window.start); offset < window.end + SLIDE_MARGIN; offset++) {
    slots.push({ offset, x: slotX(offset, origin, segmentBases) });
  }
  return slots;
}

/** Records the group has not committed yet but could read: HW − committed, never negative. */
export function groupLag(hw: number, committed: number): number {
  return Math.max(0, hw - committed);
}

/** Whether the log-start label has room beside the HW label (both sit above the tape). */
export function logStartLabelFits(logStartX: number, hwX: number, labelWidth: number): boolean {
  return Math.abs(hwX - logStartX) >= labelWidth;
}

/**
 * The offsets a tape shows: the leader's; while a partition has no leader, the furthest
 * any replica reported (what the page last knew), so the tape does not empty meanwhile.
 */
export function tapeOffsets(partition: {
  leader: number;
  offsets: Record<number, { logStart: number; leo: number; hw: number }>;
}): { logStart: number; leo: number; hw: number } {
  const leader = partition.offsets[partition.leader];
  if (leader !== undefined) return leader;
  const known = Object.values(partition.offsets);
  if (known.length === 0) return { logStart: 0, leo: 0, hw: 0 };
  return {
    logStart: Math.max(...known.map((offsets) => offsets.logStart)),
    leo: Math.max(...known.map((offsets) => offsets.leo)),
    hw: Math.max(...known.map((offsets) => offsets.hw)),
  };
}

export interface GroupCommit {
  groupId: string;
  offset: number;
}

/**
 * Each group's committed offset on one partition, by group id, as a flat list of id and
 * offset (["g1", 12, "g2", 40]) so a shallow comparison sees when any of them moves.
 */
export function groupCommitList(
  groups: Record<string, { committed: Record<string, number> }>,
  topic: string,
  partition: number,
): (string | number)[] {
  const key = `${topic}:${partition}`;
  const flat: (string | number)[] = [];
  for (const groupId of Object.keys(groups).sort()) {
    const offset = groups[groupId]!.committed[key];
    if (offset !== undefined) flat.push(groupId, offset);
  }
  return flat;
}

export function groupCommitsOf(flat: readonly (string | number)[]): GroupCommit[] {
  const commits: GroupCommit[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) {
    commits.push({ groupId: String(flat[index]), offset: Number(flat[index + 1]) });
  }
  return commits;
}
