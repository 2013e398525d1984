import { describe, expect, it } from "vitest";
import { listRows, nextListIndex } from "./list-navigation.ts";

describe("nextListIndex", () => {
  // 15 lessons in two columns of 8 rows: 0–7 on the left, 8–14 on the right.
  const count = 15;
  const rows = listRows(count, 2);

  it("lays fifteen lessons out in eight rows", () => {
    expect(rows).toBe(8);
    expect(listRows(1, 2)).toBe(1);
    expect(listRows(0, 2)).toBe(1);
  });

  it("steps through the lessons in order with Up and Down, stopping at the ends", () => {
    expect(nextListIndex("ArrowDown", 7, count, rows)).toBe(8);
    expect(nextListIndex("ArrowUp", 8, count, rows)).toBe(7);
    expect(nextListIndex("ArrowDown", 14, count, rows)).toBe(14);
    expect(nextListIndex("ArrowUp", 0, count, rows)).toBe(0);
  });

  it("jumps between columns with Left and Right, staying put where there is none", () => {
    expect(nextListIndex("ArrowRight", 2, count, rows)).toBe(10);
    expect(nextListIndex("ArrowLeft", 10, count, rows)).toBe(2);
    expect(nextListIndex("ArrowRight", 7, count, rows)).toBe(7);
    expect(nextListIndex("ArrowLeft", 3, count, rows)).toBe(3);
  });

  it("goes to the ends with Home and End and ignores other keys", () => {
    expect(nextListIndex("Home", 9, count, rows)).toBe(0);
    expect(nextListIndex("End", 2, count, rows)).toBe(14);
    expect(nextListIndex("Enter", 2, count, rows)).toBeNull();
    expect(nextListIndex("ArrowDown", 0, 0, rows)).toBeNull();
  });
});
