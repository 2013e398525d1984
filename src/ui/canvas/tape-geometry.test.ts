import { describe, expect, it } from "vitest";
import {
  futureSlots,
  groupCommitList,
  groupCommitsOf,
  groupLag,
  logStartLabelFits,
  placeMarker,
  REBASE_OFFSETS,
  SEGMENT_GAP,
  SLIDE_MARGIN,
  SLOT_WIDTH,
  slotX,
  stripShift,
  TAPE_HEADROOM,
  TAPE_WINDOW,
  tapeCells,
  tapeOffsets,
  tapeWidth,
  tapeWindow,
} from "./tape-geometry.ts";

describe("tapeWindow", () => {
  it("starts at offset 0 until the log outgrows the window", () => {
    expect(tapeWindow(0)).toEqual({ start: 0, end: TAPE_WINDOW });
    expect(tapeWindow(TAPE_WINDOW - TAPE_HEADROOM)).toEqual({ start: 0, end: TAPE_WINDOW });
  });

  it("then slides one slot per record, keeping free slots right of the LEO", () => {
    const leo = 1_000;
    const window = tapeWindow(leo);
    expect(window.end - leo).toBe(TAPE_HEADROOM);
    expect(tapeWindow(leo + 1).start).toBe(window.start + 1);
  });
});

describe("slotX and placeMarker", () => {
  const window = { start: 100, end: 140 };

  it("puts offsets a slot apart from the window's start", () => {
    expect(slotX(100, window, [])).toBe(0);
    expect(slotX(105, window, [])).toBe(5 * SLOT_WIDTH);
  });

  it("leaves a gap before each segment's base inside the window, none for one at its start", () => {
    const bases = [0, 100, 120];
    expect(slotX(119, window, bases)).toBe(19 * SLOT_WIDTH);
    expect(slotX(120, window, bases)).toBe(20 * SLOT_WIDTH + SEGMENT_GAP);
    expect(tapeWidth(window, bases)).toBe(TAPE_WINDOW * SLOT_WIDTH + SEGMENT_GAP);
  });

  it("pins markers beyond the window to its edges and says which side", () => {
    expect(placeMarker(50, window, [])).toEqual({ x: 0, side: "before" });
    expect(placeMarker(200, window, [])).toEqual({ x: TAPE_WINDOW * SLOT_WIDTH, side: "after" });
    expect(placeMarker(110, window, [])).toEqual({ x: 10 * SLOT_WIDTH, side: "in" });
    expect(placeMarker(140, window, [])).toEqual({ x: TAPE_WINDOW * SLOT_WIDTH, side: "in" });
  });
});

describe("tapeCells", () => {
  it("draws the log's offsets with the keys the page saw, and marks those above the HW", () => {
    const window = tapeWindow(10);
    const cells = tapeCells(
      window,
      { logStart: 2, leo: 10, hw: 8 },
      [0],
      [
        { offset: 3, key: "alice" },
        { offset: 4, key: null },
      ],
    );
    expect(cells.map((cell) => cell.offset)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(cells.filter((cell) => cell.deleted).map((cell) => cell.offset)).toEqual([0, 1]);
    expect(cells[3]!.key).toBe("alice");
    expect(cells[4]!.key).toBeNull();
    expect(cells[2]!.key).toBeUndefined();
    expect(cells.filter((cell) => cell.uncommitted).map((cell) => cell.offset)).toEqual([8, 9]);
  });

  it("keeps a margin of cells either side of the window to slide in and out", () => {
    const window = tapeWindow(500);
    const cells = tapeCells(window, { logStart: 0, leo: 500, hw: 500 }, [], []);
    expect(cells[0]!.offset).toBe(window.start - SLIDE_MARGIN);
    expect(cells.at(-1)!.offset).toBe(499);
  });

  it("places cells on a strip whose shift brings the window's start to x = 0", () => {
    const window = tapeWindow(2_345);
    const bases = [2_000, window.start + 3];
    const cells = tapeCells(window, { logStart: 0, leo: 2_345, hw: 2_345 }, bases, []);
    const shift = stripShift(window, bases);
    for (const cell of cells.filter((c) => c.offset >= window.start)) {
      expect(cell.x - shift).toBe(slotX(cell.offset, window, bases));
    }
  });

  it("keeps a cell's place on the strip while the window slides (no jumps between rebases)", () => {
    const before = tapeCells(tapeWindow(1_500), { logStart: 0, leo: 1_500, hw: 1_500 }, [], []);
    const after = tapeCells(tapeWindow(1_510), { logStart: 0, leo: 1_510, hw: 1_510 }, [], []);
    const xAfter = new Map(after.map((cell) => [cell.offset, cell.x]));
    for (const cell of before)
      if (xAfter.has(cell.offset)) expect(xAfter.get(cell.offset)).toBe(cell.x);
    expect(Math.floor(tapeWindow(1_500).start / REBASE_OFFSETS)).toBe(
      Math.floor(tapeWindow(1_510).start / REBASE_OFFSETS),
    );
  });
});

describe("futureSlots", () => {
  it("fills the window from the LEO on, plus the margin beyond it", () => {
    const window = tapeWindow(5);
    const slots = futureSlots(window, 5, []);
    expect(slots[0]!.offset).toBe(5);
    expect(slots.at(-1)!.offset).toBe(window.end + SLIDE_MARGIN - 1);
  });
});

describe("groups under the tape", () => {
  it("measures lag to the HW, never below zero", () => {
    expect(groupLag(120, 100)).toBe(20);
    expect(groupLag(120, 125)).toBe(0);
  });

  it("lists each group's commit on one partition by group id", () => {
    const groups = {
      "z-group": { committed: { "orders:0": 5, "orders:1": 9 } },
      audit: { committed: { "orders:0": 2 } },
      other: { committed: { "clicks:0": 1 } },
    };
    const flat = groupCommitList(groups, "orders", 0);
    expect(flat).toEqual(["audit", 2, "z-group", 5]);
    expect(groupCommitsOf(flat)).toEqual([
      { groupId: "audit", offset: 2 },
      { groupId: "z-group", offset: 5 },
    ]);
  });

  it("drops the log-start label when the HW label would cover it", () => {
    expect(logStartLabelFits(0, 20, 52)).toBe(false);
    expect(logStartLabelFits(0, 200, 52)).toBe(true);
  });
});

describe("tapeOffsets", () => {
  it("reads the leader's offsets", () => {
    const offsets = { 1: { logStart: 0, leo: 10, hw: 8 }, 2: { logStart: 0, leo: 9, hw: 8 } };
    expect(tapeOffsets({ leader: 1, offsets })).toEqual({ logStart: 0, leo: 10, hw: 8 });
  });

  it("falls back to the furthest replica while there is no leader, and to zeros before any", () => {
    const offsets = { 1: { logStart: 0, leo: 10, hw: 8 }, 2: { logStart: 3, leo: 9, hw: 9 } };
    expect(tapeOffsets({ leader: -1, offsets })).toEqual({ logStart: 3, leo: 10, hw: 9 });
    expect(tapeOffsets({ leader: -1, offsets: {} })).toEqual({ logStart: 0, leo: 0, hw: 0 });
  });
});
