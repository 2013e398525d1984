import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { encoded, text } from "../protocol/records/testing/encoded-batch.ts";
import {
  initCompression,
} from "../protocol/records/record-batch.ts";
import { runDumpLog } from "./dump-log.ts";



function concat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let position = 0;
  for (const part of parts) {
    bytes.set(part, position);
    position += part.length;
  }
  return bytes;
}

/** Three records at offsets 0-2, as a producer sends them and a leader (epoch 0) stores them. */
const firstBatch = () =>
  encoded({
    partitionLeaderEpoch: 0,
    records: [
      { key: text("abc"), value: text("hello"), timestamp: 1700000000000n },
      {
        value: text("world"),
        timestamp: 1700000000001n,
        headers: [
          { key: "h1", value: text("x") },
          { key: "h2", value: null },
        ],
      },
      { key: text("k"), value: null, timestamp: 1700000000002n },
    ],
  });

const secondBatch = () =>
  encoded({
    baseOffset: 3n,
    partitionLeaderEpoch: 1,
    compression: "gzip",
    producerId: 42n,
    producerEpoch: 0,
    baseSequence: 7,
    records: [
      { key: text("key"), value: text("value-3"), timestamp: 1700000000005n },
      { key: text("key"), value: text("value-4"), timestamp: 1700000000006n },
    ],
  });

const FIRST_BATCH_LINE =
  "baseOffset: 0 lastOffset: 2 count: 3 baseSequence: -1 lastSequence: -1 producerId: -1 producerEpoch: -1 " +
  "partitionLeaderEpoch: 0 isTransactional: false isControl: false deleteHorizonMs: OptionalLong.empty " +
  "position: 0 CreateTime: 1700000000002 size: 105 magic: 2 compresscodec: none crc: 1559835290 isvalid: true";

const FIRST_BATCH_RECORDS = [
  "| offset: 0 CreateTime: 1700000000000 keySize: 3 valueSize: 5 sequence: -1 headerKeys: [] key: abc payload: hello",
  "| offset: 1 CreateTime: 1700000000001 keySize: -1 valueSize: 5 sequence: -1 headerKeys: [h1,h2] payload: world",
  "| offset: 2 CreateTime: 1700000000002 keySize: 1 valueSize: -1 sequence: -1 headerKeys: [] key: k",
];

async function dump(args: string[], files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const exitCode = await runDumpLog(args, {
    readFile: async (path) => {
      const bytes = files[path];
      if (bytes === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return bytes;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { exitCode, out, err };
}

beforeAll(async () => {
  await initCompression();
});

describe("dump-log", () => {
  const path = "broker-1/orders-0/00000000000000000000.log";

  it("prints each batch in Kafka's DumpLogSegments format", async () => {
    const second = secondBatch();
    const { exitCode, out, err } = await dump(["--files", path], {
      [path]: concat(firstBatch(), second),
    });
    expect(exitCode).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe(`Dumping ${path}`);
    expect(out[1]).toBe("Log starting offset: 0");
    expect(out[2]).toBe(FIRST_BATCH_LINE);
    expect(out[3]).toMatch(
      new RegExp(
        "^baseOffset: 3 lastOffset: 4 count: 2 baseSequence: 7 lastSequence: 8 producerId: 42 producerEpoch: 0 " +
          "partitionLeaderEpoch: 1 isTransactional: false isControl: false deleteHorizonMs: OptionalLong.empty " +
          `position: 105 CreateTime: 1700000000006 size: ${second.length} magic: 2 compresscodec: gzip crc: \\d+ isvalid: true$`,
      ),
    );
    expect(out.length).toBe(4);
  });

  it("prints every record with --print-data-log", async () => {
    const { exitCode, out } = await dump(["--files", path, "--print-data-log"], {
      [path]: concat(firstBatch(), secondBatch()),
    });
    expect(exitCode).toBe(0);
    expect(out.slice(2, 6)).toEqual([FIRST_BATCH_LINE, ...FIRST_BATCH_RECORDS]);
    expect(out[7]).toBe(
      "| offset: 3 CreateTime: 1700000000005 keySize: 3 valueSize: 7 sequence: 7 headerKeys: [] key: key payload: value-3",
    );
    expect(out[8]).toBe(
      "| offset: 4 CreateTime: 1700000000006 keySize: 3 valueSize: 7 sequence: 8 headerKeys: [] key: key payload: value-4",
    );
  });

  it("prints record metadata without contents with --deep-iteration, and contents only with --skip-record-metadata", async () => {
    const deep = await dump(["--files", path, "--deep-iteration"], { [path]: firstBatch() });
    expect(deep.out[3]).toBe(
      "| offset: 0 CreateTime: 1700000000000 keySize: 3 valueSize: 5 sequence: -1 headerKeys: []",
    );
    const contentsOnly = await dump(
      ["--files", path, "--print-data-log", "--skip-record-metadata"],
      {
        [path]: firstBatch(),
      },
    );
    expect(contentsOnly.out.slice(3)).toEqual([
      "| key: abc payload: hello",
      "| payload: world",
      "| key: k",
    ]);
  });

  it("reports a torn tail as Kafka does, after the whole batches", async () => {
    const first = firstBatch();
    const torn = concat(first, secondBatch().subarray(0, 30));
    const { exitCode, out } = await dump(["--files", path], { [path]: torn });
    expect(exitCode).toBe(0);
    expect(out.at(-2)).toBe(FIRST_BATCH_LINE);
    expect(out.at(-1)).toBe("Found 30 invalid bytes at the end of 00000000000000000000.log");
  });

  it("shows a batch with a corrupt CRC as isvalid: false and goes on to the next", async () => {
    const first = firstBatch();
    const hello = Buffer.from(first).indexOf("hello");
    first[hello]! ^= 0x20; // now "Hello": still parses, but the CRC is wrong
    const { exitCode, out } = await dump(["--files", path, "--print-data-log"], {
      [path]: concat(first, secondBatch()),
    });
    expect(exitCode).toBe(0);
    expect(out[2]).toBe(FIRST_BATCH_LINE.replace("isvalid: true", "isvalid: false"));
    expect(out[3]).toContain("key: abc payload: Hello");
    expect(out.filter((line) => line.startsWith("baseOffset: ")).length).toBe(2);
  });

  it("stops at a batch that cannot be one, says so on stderr and exits 1", async () => {
    const second = secondBatch();
    second[16] = 1; // magic 1: a legacy message set
    const { exitCode, out, err } = await dump(["--files", path], {
      [path]: concat(firstBatch(), second),
    });
    expect(exitCode).toBe(1);
    expect(err[0]).toContain("Found a corrupt batch at position 105");
    expect(err[0]).toContain("magic 1");
    expect(out.at(-1)).toBe(
      `Found ${second.length} invalid bytes at the end of 00000000000000000000.log`,
    );
  });

  it("reports records that do not parse without crashing", async () => {
    const batch = firstBatch();
    new DataView(batch.buffer).setInt32(57, 4); // claims 4 records, holds 3
    const { exitCode, out, err } = await dump(["--files", path, "--print-data-log"], {
      [path]: batch,
    });
    expect(exitCode).toBe(1);
    expect(out[2]).toContain("count: 4");
    expect(out[2]).toContain("isvalid: false");
    expect(err[0]).toContain("Cannot read the records of the batch at position 0");
  });

  it("lists non-consecutive offsets on stderr, like Kafka", async () => {
    const gap = encoded({ baseOffset: 10n, records: [{ value: text("x") }] });
    const { err } = await dump(["--files", path, "--deep-iteration"], {
      [path]: concat(firstBatch(), gap),
    });
    expect(err).toEqual([`Non-consecutive offsets in ${path}`, "  2 is followed by 10"]);
  });

  it("dumps several files, skips other kinds of file, and reads names that are not offsets", async () => {
    const { exitCode, out, err } = await dump(["--files", `${path},notes.txt,copy.log`], {
      [path]: firstBatch(),
      "copy.log": firstBatch(),
    });
    expect(exitCode).toBe(0);
    expect(out).toEqual([
      `Dumping ${path}`,
      "Log starting offset: 0",
      FIRST_BATCH_LINE,
      "Dumping notes.txt",
      "Dumping copy.log",
      FIRST_BATCH_LINE,
    ]);
    expect(err).toEqual(["Ignoring unknown file notes.txt"]);
  });

  it("reads the segment's base offset from its name", async () => {
    const name = "00000000000000000123.log";
    const { out } = await dump([`--files=${name}`], {
      [name]: encoded({ baseOffset: 123n, records: [{}] }),
    });
    expect(out[1]).toBe("Log starting offset: 123");
  });

  it("limits reading with --max-bytes and then does not count trailing bytes", async () => {
    const { out } = await dump(["--files", path, "--max-bytes", "150"], {
      [path]: concat(firstBatch(), secondBatch()),
    });
    expect(out).toEqual([`Dumping ${path}`, "Log starting offset: 0", FIRST_BATCH_LINE]);
  });

  it("exits 1 with a message when a file cannot be read", async () => {
    const { exitCode, err } = await dump(["--files", "missing.log"], {});
    expect(exitCode).toBe(1);
    expect(err[0]).toContain("ENOENT");
  });

  describe("arguments", () => {
    for (const [label, args, message] of [
      ["no --files", ["--print-data-log"], 'Missing required argument "[files]"'],
      ["an unknown flag", ["--files", "a.log", "--verbose"], "verbose is not a recognized option"],
      ["--files without a value", ["--files"], "Option files requires an argument"],
      [
        "a --max-bytes that is not a number",
        ["--files", "a.log", "--max-bytes", "lots"],
        "Cannot parse argument 'lots' of option max-bytes",
      ],
    ] as const) {
      it(`prints usage to stderr and exits 1 for ${label}`, async () => {
        const { exitCode, out, err } = await dump([...args], {});
        expect(exitCode).toBe(1);
        expect(out).toEqual([]);
        expect(err[0]).toBe(message);
        expect(err.some((line) => line.startsWith("--files <String: file1, file2, ...>"))).toBe(
          true,
        );
      });
    }

    it("prints the description and usage for --help and for no arguments (stderr, exit 1, as Kafka)", async () => {
      for (const args of [["--help"], []]) {
        const { exitCode, err } = await dump(args, {});
        expect(exitCode).toBe(1);
        expect(err[0]).toContain("This tool helps to parse a log file");
        expect(err).toContain(
          "--print-data-log                        If set, printing the messages content when",
        );
      }
    });
  });
});

describe("npm run dump-log (the Node entry)", () => {
  it("dumps a real file from disk", async () => {
    const directory = await mkdtemp(join(tmpdir(), "dump-log-"));
    try {
      const file = join(directory, "00000000000000000000.log");
      await writeFile(file, concat(firstBatch(), Uint8Array.of(0, 0, 0)));
      const { stdout } = await promisify(execFile)(
        "npx",
        ["tsx", "src/runtime/node/dump-log-main.ts", "--files", file, "--print-data-log"],
        { cwd: process.cwd() },
      );
      expect(stdout.trimEnd().split("\n")).toEqual([
        `Dumping ${file}`,
        "Log starting offset: 0",
        FIRST_BATCH_LINE,
        ...FIRST_BATCH_RECORDS,
        "Found 3 invalid bytes at the end of 00000000000000000000.log",
      ]);
      const failure = await promisify(execFile)(
        "npx",
        ["tsx", "src/runtime/node/dump-log-main.ts", "--nope"],
        {
          cwd: process.cwd(),
        },
      ).catch((error: { code: number; stderr: string }) => error);
      expect("code" in failure && failure.code).toBe(1);
      expect("stderr" in failure && failure.stderr).toContain("nope is not a recognized option");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
