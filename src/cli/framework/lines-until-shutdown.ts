/**
 * Standard input for a tool whose shutdown hook ends its read loop: ConsoleProducer's hook
 * closes the producer while main() waits for the next line, so Ctrl-C sends what was read
 * and stops. The lines come until the input ends or the user interrupts the tool.
 */
import type { ToolIo } from "./tool.ts";

export async function* linesUntilShutdown(io: ToolIo): AsyncGenerator<string, void, undefined> {
  let shutDown!: () => void;
  const shutdown = new Promise<null>((resolve) => (shutDown = () => resolve(null)));
  io.addShutdownHook?.(shutDown);
  const lines = io.readLines()[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([lines.next(), shutdown]);
      if (next === null || next.done === true) return;
      yield next.value;
    }
  } finally {
    // Not awaited: a read still waiting for a line may hold the iterator until it gets one.
    void Promise.resolve(lines.return?.()).catch(() => undefined);
  }
}
