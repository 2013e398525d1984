import { describe, expect, it } from "vitest";
import { CoordinatorTimers } from "./coordinator-timers.ts";

describe("the coordinator's timers", () => {
  it("fire once due, earliest first; rescheduling a key moves its deadline; cancelled ones never fire", () => {
    const timers = new CoordinatorTimers();
    const fired: string[] = [];
    timers.schedule("a", 300, () => fired.push("a"));
    timers.schedule("b", 100, () => fired.push("b"));
    timers.schedule("c", 200, () => fired.push("c"));
    timers.schedule("a", 150, () => fired.push("a2"));
    timers.cancel("c");
    timers.fireDue(99);
    expect(fired).toEqual([]);
    timers.fireDue(1_000);
    expect(fired).toEqual(["b", "a2"]);
    expect(timers.size).toBe(0);
  });

  it("skip a timer another one cancelled while firing, and leave timers scheduled while firing for later", () => {
    const timers = new CoordinatorTimers();
    const fired: string[] = [];
    timers.schedule("first", 10, () => {
      fired.push("first");
      timers.cancel("second");
      timers.schedule("third", 10, () => fired.push("third"));
    });
    timers.schedule("second", 20, () => fired.push("second"));
    timers.fireDue(50);
    expect(fired).toEqual(["first"]);
    timers.fireDue(60);
    expect(fired).toEqual(["first", "third"]);
    timers.schedule("group\u0000x", 10, () => fired.push("x"));
    timers.cancelPrefix("group\u0000");
    timers.fireDue(100);
    expect(fired).toEqual(["first", "third"]);
  });
});
