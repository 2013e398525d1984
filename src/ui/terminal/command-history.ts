/**
 * The terminal's command history: the last HISTORY_LIMIT commands, oldest first, kept in
 * the browser (localStorage) so a reload finds them; a command equal to the one before it
 * is kept once (bash's ignoredups). ↑ and ↓ walk it from the newest, and walking back
 * down past the newest gives back what was being typed.
 */

export const HISTORY_LIMIT = 200;
export const HISTORY_STORAGE_KEY = "kafka-playground.terminal-history";

type HistoryStorage = Pick<Storage, "getItem" | "setItem">;

function load(storage: HistoryStorage | undefined, limit: number): string[] {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(HISTORY_STORAGE_KEY) ?? "[]");
    // Saved by an older page or edited by hand: keep only what is a list of strings.
    if (!Array.isArray(saved)) return [];
    return saved.filter((entry): entry is string => typeof entry === "string").slice(-limit);
  } catch {
    return [];
  }
}

export class CommandHistory {
  private readonly commands: string[];
  /** Where ↑/↓ stand: an index into `commands`, or its length when not walking. */
  private position: number;
  private draft = "";

  constructor(
    private readonly storage: HistoryStorage | undefined = globalThis.localStorage,
    private readonly limit = HISTORY_LIMIT,
  ) {
    this.commands = load(storage, limit);
    this.position = this.commands.length;
  }

  entries(): readonly string[] {
    return this.commands;
  }

  /** Records a command that was run, and ends any walk. */
  add(command: string): void {
    const trimmed = command.trim();
    if (trimmed !== "" && this.commands.at(-1) !== trimmed) {
      this.commands.push(trimmed);
      if (this.commands.length > this.limit)
        this.commands.splice(0, this.commands.length - this.limit);
      this.save();
    }
    this.resetWalk();
  }

  /** ↑: the command before the one shown (`current` is kept as the draft); null at the oldest. */
  previous(current: string): string | null {
    if (this.position === 0) return null;
    if (this.position === this.commands.length) this.draft = current;
    this.position--;
    return this.commands[this.position]!;
  }

  /** ↓: the command after the one shown, the draft after the newest; null when not walking. */
  next(): string | null {
    if (this.position >= this.commands.length) return null;
    this.position++;
    return this.position === this.commands.length ? this.draft : this.commands[this.position]!;
  }

  resetWalk(): void {
    this.position = this.commands.length;
    this.draft = "";
  }

  private save(): void {
    try {
      this.storage?.setItem(HISTORY_STORAGE_KEY, JSON.stringify(this.commands));
    } catch {
      // Storage full or blocked: the history still works for this visit.
    }
  }
}
