/** A ToolIo for tests: lines out and err are kept, stdin is given, files and network as the test says. */
import type { ClientIo } from "../../client/client-io.ts";
import { ManualClock } from "../../client/clock.ts";
import type { FileSystem } from "../../log/fs/file-system.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import type { ToolIo } from "../framework/tool.ts";

export interface CapturedIo {
  io: ToolIo;
  out: string[];
  err: string[];
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

export function capturedIo(
  options: { files?: FileSystem; connect?: ClientIo; stdin?: readonly string[] } = {},
): CapturedIo {
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
