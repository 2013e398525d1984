import { describe, expect, it } from "vitest";
import { LineQueue } from "./line-queue.ts";

async function readAll(queue: LineQueue): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of queue.lines()) lines.push(line);
  return lines;
}

describe("a running tool's standard input", () => {
  it("gives lines typed before and while the tool reads, until the input ends", async () => {
    const taken: string[] = [];
    const queue = new LineQueue(10, (line) => taken.push(line));
    queue.push("before");
    expect(queue.isRead).toBe(false);
    const reading = readAll(queue);
    expect(queue.isRead).toBe(true);
    await Promise.resolve();
    queue.push("while");
    queue.end();
    expect(await reading).toEqual(["before", "while"]);
    expect(taken).toEqual(["before", "while"]);
    expect(queue.push("after")).toBe(false);
  });

  it("holds at most its limit of unread lines, and gives them back", () => {
    const queue = new LineQueue(2);
    expect([queue.push("a"), queue.push("b"), queue.push("c")]).toEqual([true, true, false]);
    expect(queue.takeUnread()).toEqual(["a", "b"]);
    expect(queue.takeUnread()).toEqual([]);
  });

  it("ends for a reader that stops early (return), and for a reader still waiting", async () => {
    const queue = new LineQueue();
    const iterator = queue.lines()[Symbol.asyncIterator]();
    const waiting = iterator.next();
    queue.end();
    expect(await waiting).toEqual({ value: undefined, done: true });
    const other = new LineQueue();
    await other.lines()[Symbol.asyncIterator]().return!();
    expect(other.isEnded).toBe(true);
  });
});
