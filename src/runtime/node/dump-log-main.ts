/**
 * Node entry of dump-log (`npm run dump-log -- --files 00000000000000000000.log --print-data-log`):
 * wires the pure tool in src/cli to the file system, the console and the exit code.
 */
import { readFile } from "node:fs/promises";
import { runDumpLog } from "../../cli/dump-log.ts";

const exitCode = await runDumpLog(process.argv.slice(2), {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = exitCode;
