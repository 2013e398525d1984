/**
 * Runs one of the playground's command-line tools (src/cli) in the benchmark's worker the
 * way the page's terminal runs it: over the page's network to the brokers (pageClientIo,
 * `broker-<id>:9092`) on node time, with no standard input and an empty file system.
 * Output is kept, bounded: a run whose every send fails would print a line per record.
 */
import type { Tool, ToolIo } from "../../src/cli/framework/tool.ts";
import { MemoryFileSystem } from "../../src/log/fs/memory-file-system.ts";
import type { ClusterHost } from "../../src/runtime/web-worker/cluster-host.ts";
import { pageClientIo } from "../../src/runtime/web-worker/page-client-io.ts";

const KEPT_LINES = 200;

export interface ToolRun {
  exitCode: number;
  /** The last KEPT_LINES lines of standard output (a report every 5 s, then the total). */
  out: string[];
  outLinesDropped: number;
  /** The first KEPT_LINES lines of standard error. */
  err: string[];
  errLinesDropped: number;
  seconds: number;
}

/** At most KEPT_LINES lines: the first ones (errors: the first says why) or the last ones (reports: the total comes last). */
class BoundedLines {
  readonly lines: string[] = [];
  dropped = 0;

  constructor(private readonly keep: "first" | "last") {}

  add(line: string): void {
    if (this.lines.length < KEPT_LINES) {
      this.lines.push(line);
      return;
    }
    this.dropped++;
    if (this.keep === "last") {
      this.lines.shift();
      this.lines.push(line);
    }
  }
}

export async function runTool(
  tool: Tool,
  args: readonly string[],
  host: ClusterHost,
): Promise<ToolRun> {
  const out = new BoundedLines("last");
  const err = new BoundedLines("first");
  const io: ToolIo = {
    out: (line) => out.add(line),
    err: (line) => err.add(line),
    readLines: async function* () {},
    files: new MemoryFileSystem(),
    connect: pageClientIo(host),
  };
  const startedAt = performance.now();
  const exitCode = await tool.run(args, io);
  return {
    exitCode,
    out: out.lines,
    outLinesDropped: out.dropped,
    err: err.lines,
    errLinesDropped: err.dropped,
    seconds: (performance.now() - startedAt) / 1000,
  };
}
