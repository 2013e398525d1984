import { describe, expect, it } from "vitest";
import { LinkTable } from "./link-conditions.ts";
import { ManualScheduler } from "./manual-scheduler.ts";
import { TimerQueue } from "./timer-queue.ts";

describe("ManualScheduler", () => {
  it("runs timers at their due time, equal times in the order they were set", () => {
    const scheduler = new ManualScheduler();
    const ran: string[] = [];
    scheduler.after(20, () => ran.push(`b@${scheduler.nowMs()}`));
    scheduler.after(10, () => ran.push(`a@${scheduler.nowMs()}`));
    scheduler.after(20, () => ran.push(`c@${scheduler.nowMs()}`));
    scheduler.advance(15);
    expect(ran).toEqual(["a@10"]);
    scheduler.advance(100);
    expect(ran).toEqual(["a@10", "b@20", "c@20"]);
    expect(scheduler.nowMs()).toBe(115);
  });

  it("runs a timer set by a timer when its own time comes", () => {
    const scheduler = new ManualScheduler();
    const ran: number[] = [];
    scheduler.after(10, () => scheduler.after(10, () => ran.push(scheduler.nowMs())));
    scheduler.advance(25);
    expect(ran).toEqual([20]);
  });
});

describe("TimerQueue", () => {
  it("runs every due timer even when one throws, then rethrows", () => {
    const queue = new TimerQueue();
    const ran: number[] = [];
    queue.add(1, () => {
      throw new Error("boom");
    });
    queue.add(1, () => ran.push(1));
    expect(() => queue.runDue(1)).toThrow("boom");
    expect(ran).toEqual([1]);
    expect(queue.size).toBe(0);
  });

  it("keeps many timers in due order", () => {
    const queue = new TimerQueue();
    const ran: number[] = [];
    const dues = [5, 3, 9, 1, 7, 3, 8, 2, 6, 4];
    dues.forEach((due) => queue.add(due, () => ran.push(due)));
    queue.runDue(100);
    expect(ran).toEqual([...dues].sort((a, b) => a - b));
  });

  it("is bounded", () => {
    const queue = new TimerQueue(2);
    queue.add(1, () => {});
    queue.add(1, () => {});
    expect(() => queue.add(1, () => {})).toThrow(RangeError);
  });
});

describe("LinkTable", () => {
  it("holds conditions per direction and forgets healthy links", () => {
    const links = new LinkTable();
    links.set(1, 2, { cut: true, latencyMs: 0, lossRate: 0 });
    expect(links.get(1, 2).cut).toBe(true);
    expect(links.get(2, 1).cut).toBe(false);
    expect(links.canConnect(2, 1)).toBe(false);
    links.set(1, 2, { cut: false, latencyMs: 0, lossRate: 0 });
    expect(links.entries()).toEqual([]);
  });

  it("keeps node ids and client names apart", () => {
    const links = new LinkTable([
      { from: "1", to: 2, conditions: { cut: true, latencyMs: 0, lossRate: 0 } },
    ]);
    expect(links.get(1, 2).cut).toBe(false);
    expect(links.get("1", 2).cut).toBe(true);
  });

  it("refuses conditions no link can have", () => {
    const links = new LinkTable();
    expect(() => links.set(1, 2, { cut: false, latencyMs: -1, lossRate: 0 })).toThrow(RangeError);
    expect(() => links.set(1, 2, { cut: false, latencyMs: 0, lossRate: 1.5 })).toThrow(RangeError);
    expect(() => links.set(1, 2, { cut: false, latencyMs: Number.NaN, lossRate: 0 })).toThrow(
      RangeError,
    );
  });
});
