/**
 * Running a tool in a test: a ToolIo whose lines out and err are kept, stdin given, files and
 * network as the test says, and `runTool` that runs a tool on one and answers what it printed.
 */
import type { ClientIo } from "../../client/client-io.ts";
import { ManualClock } from "../../client/clock.ts";
import type { FileSystem } from "../../log/fs/file-system.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";

export interface CapturedIo {
  io: ToolIo;
  out: string[];
  err: string[];
}

export interface CapturedIoOptions {
  files?: FileSystem;
  /** The network the tool reaches: none unless given. */
  connect?: ClientIo;
  stdin?: readonly string[];
}

/** No brokers anywhere: every connection attempt finds nobody; time stands still. */
export function offlineClientIo(clock = new ManualClock(1_700_000_000_000)): ClientIo {
  return {
    connect: () => null,
    nowMs: () => clock.nowMs(),
    after: () => undefined,
    random: () => 0.5,
  };
}

export function capturedIo(options: CapturedIoOptions = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = options.stdin ?? [];
  return {
    out,
    err,
    io: {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      readLines: async function* () {
        yield* stdin;
      },
      files: options.files ?? new MemoryFileSystem(),
      connect: options.connect ?? offlineClientIo(),
    },
  };
}

/** What one run of a tool printed, and its exit code. */
export interface ToolRun {
  exitCode: number;
  out: string[];
  err: string[];
}

export interface ToolRunOptions extends CapturedIoOptions {
  /** What lets time pass until the tool exits (a SimCluster); without it, time stands still. */
  sim?: { runWhile<T>(work: Promise<T>): Promise<T> };
}

export async function runTool(
  tool: Tool,
  args: readonly string[],
  options: ToolRunOptions = {},
): Promise<ToolRun> {
  const { io, out, err } = capturedIo(options);
  const running = tool.run(args, io);
  const exitCode = await (options.sim === undefined ? running : options.sim.runWhile(running));
  return { exitCode, out, err };
}
