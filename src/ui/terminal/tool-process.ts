/**
 * One run of a command-line tool as the terminal's "process": its standard input, its
 * output, its network and timers, and Ctrl-C. The first interrupt runs the shutdown hooks
 * the tool added (ToolIo.addShutdownHook) and lets it finish; a tool without hooks, or a
 * second interrupt, is killed: its connections are closed, its timers never fire and
 * nothing more it prints is shown — what a JVM that exits leaves behind. Either way the
 * exit code is 130, a shell's code for a process ended by SIGINT.
 */
import type { ClientIo } from "../../client/client-io.ts";
import type { Transport } from "../../client/transport.ts";
import { describeException } from "../../cli/framework/java-exception.ts";
import type { Tool, ToolIo } from "../../cli/framework/tool.ts";
import { LineQueue } from "./line-queue.ts";

export const EXIT_INTERRUPTED = 130;
const EXIT_FAILURE = 1;

export interface ProcessOutput {
  out(line: string): void;
  err(line: string): void;
}

export interface ToolProcessOptions {
  connect: ClientIo;
  files: ToolIo["files"];
  output: ProcessOutput;
  /** Told when the tool first asks for its standard input. */
  onReadingInput?: () => void;
  /** Told of each line of input as the tool takes it. */
  onInputTaken?: (line: string) => void;
}

export type ProcessState = "running" | "stopping" | "exited";

export class ToolProcess {
  readonly stdin: LineQueue;
  /** Resolves with the exit code once the tool has finished or was killed. */
  readonly exited: Promise<number>;
  private readonly hooks: (() => void)[] = [];
  private readonly transports = new Set<Transport>();
  private processState: ProcessState = "running";
  private interrupted = false;
  private finish!: (exitCode: number) => void;

  constructor(tool: Tool, args: readonly string[], options: ToolProcessOptions) {
    this.stdin = new LineQueue(undefined, options.onInputTaken);
    this.exited = new Promise((resolve) => (this.finish = resolve));
    const io = this.toolIo(options);
    let running: Promise<number>;
    try {
      running = tool.run(args, io);
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (exitCode) => this.exit(this.interrupted ? EXIT_INTERRUPTED : exitCode),
      (error: unknown) => {
        // What escapes a tool's main() is the JVM's "Exception in thread" line.
        if (this.processState !== "exited")
          options.output.err(`Exception in thread "main" ${describeException(error)}`);
        this.exit(this.interrupted ? EXIT_INTERRUPTED : EXIT_FAILURE);
      },
    );
  }

  get state(): ProcessState {
    return this.processState;
  }

  /** Ctrl-C: the first runs the tool's shutdown hooks (or kills a tool without); a second kills. */
  interrupt(): void {
    if (this.processState === "exited") return;
    this.interrupted = true;
    // A terminal drops what was typed ahead when it sends SIGINT.
    this.stdin.takeUnread();
    if (this.processState === "stopping" || this.hooks.length === 0) {
      this.kill();
      return;
    }
    this.processState = "stopping";
    for (const hook of this.hooks.splice(0)) hook();
  }

  /** Ends the tool where it stands: connections closed, timers dropped, output muted. */
  kill(): void {
    if (this.processState === "exited") return;
    this.interrupted = true;
    this.exit(EXIT_INTERRUPTED);
  }

  /** Like a process's end: whatever connections the tool left open are closed. */
  private exit(exitCode: number): void {
    if (this.processState === "exited") return;
    this.processState = "exited";
    for (const transport of this.transports) transport.close();
    this.transports.clear();
    this.stdin.end();
    this.finish(exitCode);
  }

  private toolIo({ connect, files, output, onReadingInput }: ToolProcessOptions): ToolIo {
    const alive = () => this.processState !== "exited";
    return {
      out: (line) => alive() && output.out(line),
      err: (line) => alive() && output.err(line),
      readLines: () => {
        if (!this.stdin.isRead) onReadingInput?.();
        return this.stdin.lines();
      },
      files,
      connect: {
        connect: (address) => {
          if (!alive()) return null;
          const transport = connect.connect(address);
          if (transport !== null) this.transports.add(transport);
          return transport;
        },
        nowMs: () => connect.nowMs(),
        after: (delayMs, run) => connect.after(delayMs, () => alive() && run()),
        random: () => connect.random(),
      },
      addShutdownHook: (hook) => {
        if (this.processState === "running") this.hooks.push(hook);
      },
    };
  }
}
