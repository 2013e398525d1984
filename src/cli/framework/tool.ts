/**
 * What a command-line tool is, and what it gets from whoever runs it. A tool is a pure
 * function of its arguments and its io: the Node entry (src/runtime/node/cli) wires io to
 * the console, node:fs and TCP; the page's terminal wires it to the tab's storage and its
 * broker workers. The tool never touches a clock, a socket or a disk of its own.
 */
import type { ClientIo } from "../../client/client-io.ts";
import type { FileSystem } from "../../log/fs/file-system.ts";

export interface ToolIo {
  /** One line to standard output (no newline at the end: the shell adds it). */
  out(line: string): void;
  /** One line to standard error. */
  err(line: string): void;
  /** Standard input, line by line (for tools that read records or commands from it). */
  readLines(): AsyncIterable<string>;
  /** Where tools that read log files find them; paths are as the user typed them. */
  files: FileSystem;
  /** How to reach brokers and controllers (host:port → a connection), with time and timers. */
  connect: ClientIo;
  /**
   * Java's Exit.addShutdownHook for the shell's interrupt (Ctrl-C): `hook` runs once when
   * the user interrupts the tool, and the shell lets the tool finish what the hook started
   * (a console consumer stops, closes its consumer and prints its count). A tool that adds
   * no hook is stopped where it stands, as a JVM without hooks exits. Absent where the
   * shell cannot interrupt a tool.
   */
  addShutdownHook?(hook: () => void): void;
}

/** One option of a tool's command line, as a shell's completion offers it. */
export interface ToolOptionName {
  /** With its dashes: "--bootstrap-server". */
  flag: string;
  /** Whether the next word is the option's value. */
  takesValue: boolean;
  /** Whether it may be given more than once. */
  repeatable: boolean;
}

/** What a tool's command line accepts, read from the tool's own parser. */
export interface ToolCommandLine {
  options: readonly ToolOptionName[];
  /** argparse4j subcommands (kafka-metadata-quorum's `describe`), each with its own options. */
  commands: readonly { name: string; options: readonly ToolOptionName[] }[];
}

export interface Tool {
  /** The name Kafka's script has without `.sh`, e.g. "kafka-dump-log". */
  name: string;
  /** One line: what the tool does, as Kafka's tool describes itself. */
  usage: string;
  /** Runs the tool to the end; resolves with its exit code (0 success, 1 failure). */
  run(args: readonly string[], io: ToolIo): Promise<number>;
  /** Its options and subcommands, for completion: from the same parser `run` uses. */
  commandLine(): ToolCommandLine;
}

/** What `--version` prints: this playground's version (Kafka prints its own release). */
export const TOOLS_VERSION = "0.1.0";
