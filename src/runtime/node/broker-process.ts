/**
 * A broker-main child process: spawned with Node and tsx's loader (one OS process, so a
 * SIGKILL really kills the broker), its output read line by line, and "started" once it
 * logs that the Kafka server started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SERVER_STARTED_MESSAGE } from "./kafka-log.ts";

/** Output lines kept per process for error reports. */
const RECENT_LINES = 200;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BrokerProcessOptions {
  nodeId: number;
  configPath: string;
  /** More broker-main arguments, e.g. ["--override", "num.partitions=3"]. */
  args?: readonly string[];
  cwd?: string;
  onLine?(line: string, stream: "stdout" | "stderr"): void;
}

/** The command that runs broker-main.ts as a single Node process. */
export function brokerMainCommand(): { command: string; args: string[] } {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const brokerMain = fileURLToPath(new URL("./broker-main.ts", import.meta.url));
  return { command: process.execPath, args: ["--import", tsxLoader, brokerMain] };
}

export function describeExit(exit: ProcessExit): string {
  return exit.signal !== null ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
}

export class BrokerProcess {
  readonly child: ChildProcess;
  /** Resolves once the broker logs that it started; rejects if it exits first. */
  readonly started: Promise<void>;
  readonly exited: Promise<ProcessExit>;
  private exit: ProcessExit | null = null;
  private readonly recent: string[] = [];

  private constructor(readonly options: BrokerProcessOptions) {
    const { command, args } = brokerMainCommand();
    this.child = spawn(
      command,
      [...args, "--config", options.configPath, ...(options.args ?? [])],
      {
        cwd: options.cwd,
        // The IPC channel closes when this process dies, which tells the broker to shut down.
        stdio: ["ignore", "pipe", "pipe", "ipc"],
      },
    );
    this.exited = new Promise((resolve) => {
      this.child.once("close", (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    this.started = new Promise<void>((resolve, reject) => {
      this.watchLines("stdout", (line) => {
        if (line.includes(`] ${SERVER_STARTED_MESSAGE} (`)) resolve();
      });
      this.watchLines("stderr", () => {});
      void this.exited.then((exit) =>
        reject(
          new Error(
            `broker ${options.nodeId} ${describeExit(exit)} before it started:\n${this.recentLines().join("\n")}`,
          ),
        ),
      );
    });
    // Callers that only watch `exited` must not see an unhandled rejection.
    this.started.catch(() => {});
  }

  static spawn(options: BrokerProcessOptions): BrokerProcess {
    return new BrokerProcess(options);
  }

  get nodeId(): number {
    return this.options.nodeId;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.exit === null;
  }

  recentLines(): string[] {
    return [...this.recent];
  }

  /** Wait for the start, failing after `timeoutMs`. */
  async waitUntilStarted(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `broker ${this.nodeId} did not start within ${timeoutMs} ms:\n${this.recentLines().join("\n")}`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.started, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Send a signal (SIGTERM: controlled shutdown; SIGKILL: pull the plug) and wait for the exit. */
  async signal(signal: NodeJS.Signals): Promise<ProcessExit> {
    if (this.exit === null) this.child.kill(signal);
    return this.exited;
  }

  private watchLines(stream: "stdout" | "stderr", onLine: (line: string) => void): void {
    const source = this.child[stream];
    if (source === null) return;
    createInterface({ input: source, crlfDelay: Infinity }).on("line", (line) => {
      this.recent.push(line);
      if (this.recent.length > RECENT_LINES) this.recent.shift();
      onLine(line);
      this.options.onLine?.(line, stream);
    });
  }
}
