/**
 * The Node entry of Kafka's command-line tools:
 *   tsx src/runtime/node/cli/run-tool.ts <tool> [args...]
 * (`npm run kafka-dump-log -- --files ...`, `npm run kafka-metadata-quorum -- ...`).
 * Wires a pure tool from src/cli to the console, standard input, the files the user names
 * (relative to the current directory) and TCP for bootstrap servers, then exits with the
 * tool's exit code — at once, so timers of requests already answered do not hold the
 * process open. Ctrl-C runs the tool's shutdown hooks, if it added any, and the process
 * exits with 130 once the tool has finished (a JVM's exit code after SIGINT); a tool
 * without hooks is ended by the signal itself.
 */
import { createInterface } from "node:readline";
import type { ToolIo } from "../../../cli/framework/tool.ts";
import { TOOLS } from "../../../cli/tools.ts";
import { nodeClientIo } from "../node-client-io.ts";
import { CwdFileSystem } from "./cwd-file-system.ts";

/** Exit code of a process ended by SIGINT (128 + 2), which the JVM also exits with. */
const INTERRUPTED = 130;
let interrupted = false;

function nodeToolIo(): ToolIo {
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    readLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    // `npm run` starts scripts in the package's folder; INIT_CWD is where the user typed it.
    files: new CwdFileSystem(process.env.INIT_CWD ?? process.cwd()),
    connect: nodeClientIo(),
    addShutdownHook(hook) {
      process.once("SIGINT", () => {
        interrupted = true;
        hook();
      });
    },
  };
}

/** Resolves once everything written to `stream` so far has been handed to the OS. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const tool = name === undefined ? undefined : TOOLS.get(name);
  if (tool === undefined) {
    process.stderr.write(`Usage: run-tool <tool> [options]\nTools:\n`);
    for (const each of TOOLS.values())
      process.stderr.write(`  ${each.name.padEnd(24)}${each.usage}\n`);
    return 1;
  }
  return tool.run(args, nodeToolIo());
}

const exitCode = await main(process.argv.slice(2));
await Promise.all([drained(process.stdout), drained(process.stderr)]);
process.exit(interrupted ? INTERRUPTED : exitCode);
