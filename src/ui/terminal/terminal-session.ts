/**
 * The terminal behind the panel, kept outside React so a running tool and the scrollback
 * survive switching dock tabs: a line typed at the prompt runs a tool (or a builtin) and
 * while a tool runs, lines go to its standard input. Lines typed ahead of a tool that
 * never reads them run as commands once it exits, so a pasted block of commands runs in
 * order, as in a shell. Listeners hear of changes at most once per `schedule`.
 */
import type { ClientIo } from "../../client/client-io.ts";
import type { Tool, ToolIo } from "../../cli/framework/tool.ts";
import { runBuiltin } from "./builtins.ts";
import type { CommandHistory } from "./command-history.ts";
import { resolveCommand } from "./command-names.ts";
import { complete, type CompletionSources } from "./completion.ts";
import { candidateRows, MAX_LISTED_CANDIDATES } from "./candidate-rows.ts";
import { OutputBuffer, type NewLine, type TerminalLine } from "./output-buffer.ts";
import { pastedLines, splitWords } from "./shell-words.ts";
import { unknownBrokerAddresses } from "./bootstrap-check.ts";
import { ToolProcess } from "./tool-process.ts";
import type { CutFile } from "./storage-paths.ts";
import { formatBytes } from "../dock/format-bytes.ts";

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Exit codes of the shell's own: a bad command line (bash's 2), a command not found (127). */
const EXIT_USAGE = 2;
const EXIT_NOT_FOUND = 127;
/** Commands waiting to run (pasted or typed ahead); more are dropped with a note. */
const QUEUE_LIMIT = 100;

export interface ToolRuntime {
  connect: ClientIo;
  files: ToolIo["files"];
  /** Files the tool could read only the start of, once it has run. */
  cutFiles(): CutFile[];
}

export interface TerminalEnvironment {
  tools: ReadonlyMap<string, Tool>;
  history: CommandHistory;
  completion: CompletionSources;
  /** What one run of a tool reaches, fresh each time; null while the cluster is not up. */
  runtime(): ToolRuntime | null;
  examplePath(): string;
  /** Runs `flush` soon (once per animation frame on the page). */
  schedule(flush: () => void): void;
}

export interface RunningCommand {
  command: string;
  /** The tool reads its standard input (the console producer): the prompt shows ">". */
  readingInput: boolean;
  /** Ctrl-C was pressed and the tool is finishing. */
  stopping: boolean;
}

export interface TerminalSnapshot {
  lines: TerminalLine[];
  widest: number;
  running: RunningCommand | null;
  lastExitCode: number | null;
  /** Nothing runs and nothing waits to. */
  idle: boolean;
}

export class TerminalSession {
  private readonly output = new OutputBuffer();
  private readonly listeners = new Set<() => void>();
  private readonly queue: string[] = [];
  private process: ToolProcess | null = null;
  private running: RunningCommand | null = null;
  private busy = false;
  private lastExitCode: number | null = null;
  private current: TerminalSnapshot;
  private flushScheduled = false;

  constructor(private readonly env: TerminalEnvironment) {
    const intro = [
      "terminal.intro.what",
      "terminal.intro.brokers",
      "terminal.intro.example",
      "terminal.intro.help",
      "terminal.help.keys",
    ] as const;
    for (const key of intro) this.output.append({ kind: "note", key, values: {}, tone: "plain" });
    this.current = this.build();
  }

  /** For useSyncExternalStore: bound, so React can hold on to them. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): TerminalSnapshot => this.current;

  get history(): CommandHistory {
    return this.env.history;
  }

  /**
   * Enter: the line runs, or goes to the running tool's standard input — shown when the
   * tool takes it, after Kafka's ">" prompt, so a line typed ahead of a tool that never
   * reads shows once, as the command it becomes when the tool exits.
   */
  submit(line: string): void {
    if (this.process !== null) {
      if (!this.process.stdin.push(line)) this.note("terminal.note.inputRefused", {}, "error");
      return;
    }
    if (this.busy) {
      if (this.queue.length >= QUEUE_LIMIT) this.note("terminal.note.queueFull", {}, "error");
      else this.queue.push(line);
      return;
    }
    void this.runLine(line);
  }

  /** Pasted text: each line as if typed and entered (backslash-newline joins lines). */
  paste(text: string): void {
    for (const line of pastedLines(text)) this.submit(line);
  }

  /** Ctrl-C: interrupts the running tool, or drops the line being typed. */
  interrupt(typed: string): void {
    if (this.process === null) {
      this.emit({ kind: "command", text: `${typed}^C` });
      return;
    }
    this.emit({ kind: "input", text: `${typed}^C` });
    this.queue.length = 0;
    this.process.interrupt();
    if (this.running !== null) this.running = { ...this.running, stopping: true };
    this.changed();
  }

  /** Ctrl-D: what was typed goes to the tool, then its input ends. */
  endInput(typed: string): void {
    if (this.process === null) return;
    if (typed !== "") this.submit(typed);
    this.process.stdin.end();
  }

  clear(): void {
    this.output.clear();
    this.changed();
  }

  /**
   * Tab: the line completed at `cursor`, or null when nothing fits. When several names
   * fit and none is longer than what was typed, they are listed in the output.
   */
  async complete(line: string, cursor: number): Promise<{ line: string; cursor: number } | null> {
    const before = line.slice(0, cursor);
    // A name source that fails (a broker's storage unreadable) just completes nothing.
    const completion = await complete(before, this.env.completion).catch(() => null);
    if (completion === null) return null;
    const completed = before.slice(0, completion.start) + completion.text;
    if (completed === before && completion.candidates.length > 1) {
      this.emit({ kind: "command", text: line });
      const shown = completion.candidates.slice(0, MAX_LISTED_CANDIDATES);
      for (const row of candidateRows(shown)) this.emit({ kind: "out", text: row });
      const more = completion.candidates.length - shown.length;
      if (more > 0) this.note("terminal.note.moreCandidates", { count: more });
    }
    return { line: completed + line.slice(cursor), cursor: completed.length };
  }

  private async runLine(line: string): Promise<void> {
    this.busy = true;
    this.emit({ kind: "command", text: line });
    this.env.history.add(line);
    try {
      this.lastExitCode = (await this.execute(line)) ?? this.lastExitCode;
    } catch (error) {
      // The page failed under the command (a broker's storage could not be read): say so.
      this.note("terminal.error.failed", { message: describe(error) }, "error");
      this.lastExitCode = 1;
    } finally {
      this.busy = false;
      this.changed();
    }
    const next = this.queue.shift();
    if (next !== undefined) void this.runLine(next);
  }

  /** Runs one command line; resolves with its exit code (null for an empty line). */
  private async execute(line: string): Promise<number | null> {
    const split = splitWords(line);
    if (!split.ok) {
      this.note(`terminal.error.${split.problem}`, {}, "error");
      return EXIT_USAGE;
    }
    const [name, ...args] = split.words;
    if (name === undefined) return null;
    const resolved = resolveCommand(name, this.env.tools);
    if (resolved.kind === "unknown") {
      this.note("terminal.error.notFound", { command: name }, "error");
      return EXIT_NOT_FOUND;
    }
    if (resolved.kind === "builtin") {
      return runBuiltin(resolved.name, args, {
        emit: (each) => this.emit(each),
        clear: () => this.clear(),
        tools: this.env.tools,
        history: this.env.history,
        listDirectory: (path) => this.env.completion.listDirectory(path),
        examplePath: () => this.env.examplePath(),
      });
    }
    return this.runTool(resolved.tool, line, args);
  }

  private async runTool(tool: Tool, line: string, args: readonly string[]): Promise<number> {
    const runtime = this.env.runtime();
    if (runtime === null) {
      this.note("terminal.note.notStarted", {}, "error");
      return 1;
    }
    const brokers = this.env.completion.brokerAddresses();
    for (const address of unknownBrokerAddresses(args, brokers))
      this.note("terminal.note.unknownBroker", { address });
    const process = new ToolProcess(tool, args, {
      connect: runtime.connect,
      files: runtime.files,
      output: {
        out: (text) => this.emit({ kind: "out", text }),
        err: (text) => this.emit({ kind: "err", text }),
      },
      onInputTaken: (text) => this.emit({ kind: "input", text: `>${text}` }),
      onReadingInput: () => {
        if (this.running !== null) this.running = { ...this.running, readingInput: true };
        this.changed();
      },
    });
    this.process = process;
    this.running = { command: line, readingInput: false, stopping: false };
    this.changed();
    const exitCode = await process.exited;
    this.process = null;
    this.running = null;
    for (const cut of runtime.cutFiles()) {
      const sizes = { read: formatBytes(cut.read), size: formatBytes(cut.size) };
      this.note("terminal.note.fileCut", { path: cut.path, ...sizes });
    }
    // Lines typed ahead that the tool never read are the shell's again.
    const unread = process.stdin.takeUnread();
    this.queue.unshift(...unread.slice(0, QUEUE_LIMIT));
    return exitCode;
  }

  private note(
    key: Extract<NewLine, { kind: "note" }>["key"],
    values: Record<string, string | number> = {},
    tone: "plain" | "error" = "plain",
  ): void {
    this.emit({ kind: "note", key, values, tone });
  }

  private emit(line: NewLine): void {
    this.output.append(line);
    this.changed();
  }

  private changed(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.env.schedule(() => {
      this.flushScheduled = false;
      this.current = this.build();
      for (const listener of this.listeners) listener();
    });
  }

  private build(): TerminalSnapshot {
    return {
      lines: this.output.snapshot(),
      widest: this.output.widest,
      running: this.running,
      lastExitCode: this.lastExitCode,
      idle: !this.busy && this.queue.length === 0,
    };
  }
}
