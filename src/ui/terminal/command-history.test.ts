import { describe, expect, it } from "vitest";
import { CommandHistory, HISTORY_LIMIT, HISTORY_STORAGE_KEY } from "./command-history.ts";

/** Storage as the browser's localStorage behaves: strings by key. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe("the terminal's command history", () => {
  it("keeps the last HISTORY_LIMIT commands, oldest first, and saves them", () => {
    const storage = memoryStorage();
    const history = new CommandHistory(storage);
    for (let index = 1; index <= HISTORY_LIMIT + 25; index++) history.add(`command ${index}`);
    expect(history.entries()).toHaveLength(HISTORY_LIMIT);
    expect(history.entries()[0]).toBe("command 26");
    expect(history.entries().at(-1)).toBe(`command ${HISTORY_LIMIT + 25}`);
    const reloaded = new CommandHistory(storage);
    expect(reloaded.entries()).toEqual(history.entries());
  });

  it("skips blank lines and a repeat of the command before", () => {
    const history = new CommandHistory(memoryStorage());
    for (const command of ["help", "help", "  ", "history", "help  "]) history.add(command);
    expect(history.entries()).toEqual(["help", "history", "help"]);
  });

  it("walks back with ↑ and forward with ↓ to what was being typed", () => {
    const history = new CommandHistory(memoryStorage());
    history.add("first");
    history.add("second");
    expect(history.next()).toBeNull();
    expect(history.previous("draft")).toBe("second");
    expect(history.previous("second")).toBe("first");
    expect(history.previous("first")).toBeNull();
    expect(history.next()).toBe("second");
    expect(history.next()).toBe("draft");
    expect(history.next()).toBeNull();
    history.previous("other draft");
    history.add("third");
    expect(history.previous("")).toBe("third");
  });

  it("ignores a saved value that is not a list of strings, and a smaller limit trims what was saved", () => {
    expect(new CommandHistory(memoryStorage({ [HISTORY_STORAGE_KEY]: "{oops" })).entries()).toEqual(
      [],
    );
    expect(
      new CommandHistory(memoryStorage({ [HISTORY_STORAGE_KEY]: '{"a":1}' })).entries(),
    ).toEqual([]);
    const saved = memoryStorage({ [HISTORY_STORAGE_KEY]: '["a", 2, "b", "c"]' });
    expect(new CommandHistory(saved, 2).entries()).toEqual(["b", "c"]);
  });

  it("still works when the browser refuses to store", () => {
    const history = new CommandHistory({
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    });
    history.add("kafka-topics --list");
    expect(history.entries()).toEqual(["kafka-topics --list"]);
  });
});
