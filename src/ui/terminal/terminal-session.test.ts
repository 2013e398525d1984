/**
 * The terminal as a user drives it, against a real in-process cluster: command lines run
 * Kafka's tools (with or without `.sh`, with a folder before them), lines go to a running
 * tool's input, a pasted block runs in order, builtins answer, and bad lines get the
 * terminal's own notes. Broker storage is an in-memory log dir holding a real segment.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { TOOLS } from "../../cli/tools.ts";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../log/log-config.ts";
import { PartitionLog } from "../../log/partition-log.ts";
import { encoded, text } from "../../protocol/records/testing/encoded-batch.ts";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { StorageSnapshotFiles } from "../dock/storage-files.ts";
import { CommandHistory } from "./command-history.ts";
import type { TerminalLine } from "./output-buffer.ts";
import { clusterStorageReader, cutNotingReader, isDirectoryEntry } from "./storage-paths.ts";
import { TerminalSession, type TerminalEnvironment } from "./terminal-session.ts";
import { MemoryStorageHost } from "./testing/memory-storage-host.ts";

const SERVER = "node-1:9092";
const SEGMENT = "broker-1/orders-0/00000000000000000000.log";

let sim: SimCluster;
const host = new MemoryStorageHost([1, 2, 3]);

beforeAll(async () => {
  sim = await readyCluster(7302);
  const log = await PartitionLog.open({
    fs: host.disks.get(1)!,
    directory: "broker-1/orders-0",
    config: KAFKA_DEFAULT_LOG_CONFIG,
  });
  const records = [{ key: text("k"), value: text("hello"), timestamp: 1_700_000_000_000n }];
  expect((await log.appendAsLeader(encoded({ records }), 0, 0n)).ok).toBe(true);
  await log.close();
}, 120_000);

function terminal(readBytes = 1 << 20): TerminalSession {
  const storage = clusterStorageReader(host);
  let runs = 0;
  const environment: TerminalEnvironment = {
    tools: TOOLS,
    history: new CommandHistory(undefined),
    completion: {
      tools: TOOLS,
      topics: () => [],
      groups: () => [],
      brokerIds: () => [1, 2, 3],
      brokerAddresses: () => ["node-1:9092", "node-2:9092", "node-3:9092"],
      configNames: async () => [],
      async listDirectory(path) {
        const entries = await storage.list(path);
        return (
          entries?.map((entry) => ({
            name: entry.name,
            directory: isDirectoryEntry(path, entry.name),
          })) ?? null
        );
      },
    },
    runtime() {
      const { reader, cuts } = cutNotingReader(storage);
      return {
        connect: simClientIo(sim, `terminal-${++runs}`),
        files: new StorageSnapshotFiles(reader, readBytes),
        cutFiles: () => cuts.splice(0),
      };
    },
    examplePath: () => SEGMENT,
    schedule: (flush) => flush(),
  };
  return new TerminalSession(environment);
}

/** The scrollback as text: commands after "$ ", notes as their message keys. */
function shown(session: TerminalSession): string[] {
  return session
    .snapshot()
    .lines.map((line: TerminalLine) =>
      line.kind === "command"
        ? `$ ${line.text}`
        : line.kind === "note"
          ? `[${line.key}]`
          : line.text,
    );
}

/** Runs the cluster until the terminal has nothing running or waiting. */
async function settle(session: TerminalSession, limitMs = 60_000): Promise<void> {
  expect(await sim.scheduler.runUntil(() => session.snapshot().idle, limitMs)).toBe(true);
}

describe("the terminal", () => {
  it("opens with what it is, the brokers and an example", () => {
    expect(shown(terminal())).toEqual([
      "[terminal.intro.what]",
      "[terminal.intro.brokers]",
      "[terminal.intro.example]",
      "[terminal.intro.help]",
      "[terminal.help.keys]",
    ]);
  });

  it("runs a tool named as Kafka's script, with its exact output, and keeps the command", async () => {
    const session = terminal();
    session.clear();
    const create = `bin/kafka-topics.sh --bootstrap-server ${SERVER} --create --topic shell --partitions 2 --replication-factor 3`;
    session.submit(create);
    expect(session.snapshot().running?.command).toBe(create);
    await settle(session);
    expect(shown(session)).toEqual([`$ ${create}`, "Created topic shell."]);
    expect(session.snapshot().lastExitCode).toBe(0);
    expect(session.history.entries()).toEqual([create]);

    session.submit(create.replace("bin/kafka-topics.sh", "kafka-topics"));
    await settle(session);
    const lines = session.snapshot().lines;
    expect(lines.filter((line) => line.kind === "out")).toMatchObject([
      { text: "Created topic shell." },
      { text: "Error while executing topic command : Topic 'shell' already exists." },
    ]);
    expect(lines.at(-2)).toMatchObject({
      kind: "err",
      text: expect.stringMatching(
        / ERROR org\.apache\.kafka\.common\.errors\.TopicExistsException: Topic 'shell' already exists\.$/,
      ),
    });
    expect(lines.at(-1)).toMatchObject({
      kind: "err",
      text: " (org.apache.kafka.tools.TopicCommand)",
    });
    expect(session.snapshot().lastExitCode).toBe(1);
  }, 60_000);

  it("sends lines typed while a tool runs to its input; a pasted block runs in order", async () => {
    const session = terminal();
    session.clear();
    session.paste(
      `kafka-console-producer --bootstrap-server ${SERVER} --topic shell\nfirst\nsecond\n`,
    );
    await sim.scheduler.runUntil(() => session.snapshot().running?.readingInput === true, 10_000);
    session.submit("third");
    session.endInput("");
    await settle(session);
    expect(shown(session)).toEqual([
      `$ kafka-console-producer --bootstrap-server ${SERVER} --topic shell`,
      ">first",
      ">second",
      ">third",
    ]);
    expect(session.snapshot().lastExitCode).toBe(0);

    session.clear();
    session.paste(
      [
        `kafka-topics --bootstrap-server ${SERVER} --list --exclude-internal`,
        `kafka-console-consumer.sh --bootstrap-server ${SERVER} --topic shell --from-beginning --max-messages 3`,
        "history",
      ].join("\n"),
    );
    await settle(session);
    const output = shown(session);
    expect(output.slice(0, 2)).toEqual([
      `$ kafka-topics --bootstrap-server ${SERVER} --list --exclude-internal`,
      "shell",
    ]);
    expect(output[2]).toMatch(/^\$ kafka-console-consumer\.sh /);
    expect(output.slice(3, 6).sort()).toEqual(["first", "second", "third"]);
    expect(output.slice(6)).toEqual([
      "Processed a total of 3 messages",
      "$ history",
      expect.stringMatching(/^ {4}1 {2}kafka-console-producer /),
      expect.stringMatching(/^ {4}2 {2}kafka-topics /),
      expect.stringMatching(/^ {4}3 {2}kafka-console-consumer\.sh /),
      "    4  history",
    ]);
  }, 90_000);

  it("Ctrl-C stops a consumer that would run for ever, and drops what was typed at the prompt", async () => {
    const session = terminal();
    session.clear();
    session.submit(
      `kafka-console-consumer --bootstrap-server ${SERVER} --topic shell --from-beginning`,
    );
    await sim.scheduler.runUntil(() => shown(session).length >= 4, 30_000);
    session.interrupt("half typed");
    expect(session.snapshot().running?.stopping).toBe(true);
    await settle(session);
    expect(shown(session).slice(-2)).toEqual(["half typed^C", "Processed a total of 3 messages"]);
    expect(session.snapshot().lastExitCode).toBe(130);
    session.interrupt("not run");
    expect(shown(session).at(-1)).toBe("$ not run^C");
  }, 60_000);

  it("warns of a bootstrap address that is no broker here; Ctrl-C ends the wait", async () => {
    const session = terminal();
    session.clear();
    session.submit("kafka-topics.sh --bootstrap-server localhost:9092 --list");
    expect(session.snapshot().lines.at(-1)).toMatchObject({
      kind: "note",
      key: "terminal.note.unknownBroker",
      values: { address: "localhost:9092" },
    });
    await sim.scheduler.runFor(1_000);
    expect(session.snapshot().running).not.toBeNull();
    session.interrupt("");
    await settle(session);
    expect(session.snapshot().lastExitCode).toBe(130);
  }, 30_000);

  it("dumps a broker's segment with kafka-dump-log, and says when a file was read only in part", async () => {
    const session = terminal();
    session.clear();
    session.submit(`kafka-dump-log.sh --files ${SEGMENT} --print-data-log`);
    await settle(session);
    expect(shown(session)).toEqual([
      `$ kafka-dump-log.sh --files ${SEGMENT} --print-data-log`,
      `Dumping ${SEGMENT}`,
      "Log starting offset: 0",
      expect.stringMatching(/^baseOffset: 0 lastOffset: 0 count: 1 .* isvalid: true$/),
      "| offset: 0 CreateTime: 1700000000000 keySize: 1 valueSize: 5 sequence: -1 headerKeys: [] key: k payload: hello",
    ]);

    const small = terminal(20);
    small.clear();
    small.submit(`kafka-dump-log --files /${SEGMENT}`);
    await settle(small);
    expect(small.snapshot().lines.at(-1)).toMatchObject({
      kind: "note",
      key: "terminal.note.fileCut",
      values: { path: SEGMENT, read: "20 B" },
    });
  }, 30_000);

  it("answers its own commands: help, ls and clear", async () => {
    const session = terminal();
    session.clear();
    session.submit("help");
    await settle(session);
    const help = shown(session);
    expect(help).toContain("[terminal.help.tools]");
    expect(help).toContainEqual(
      expect.stringMatching(
        /^ {2}kafka-topics\.sh +This tool helps to create, delete, describe, or change a topic\.$/,
      ),
    );
    expect(help.filter((line) => /^ {2}kafka-.*\.sh /.test(line))).toHaveLength(TOOLS.size);
    expect(help).toContain("[terminal.help.files]");

    session.clear();
    session.submit("ls");
    session.submit("ls broker-1");
    session.submit("ls broker-1/orders-0/");
    session.submit("ls broker-7");
    await settle(session);
    expect(shown(session)).toEqual([
      "$ ls",
      "broker-1/",
      "broker-2/",
      "broker-3/",
      "$ ls broker-1",
      "orders-0/",
      "$ ls broker-1/orders-0/",
      "00000000000000000000.index",
      "00000000000000000000.log",
      "00000000000000000000.timeindex",
      "leader-epoch-checkpoint",
      "$ ls broker-7",
      "[terminal.ls.missing]",
    ]);
    session.submit("clear");
    await settle(session);
    expect(shown(session)).toEqual([]);
  });

  it("says so when the page fails under a command, and goes on", async () => {
    const session = terminal();
    session.clear();
    // Listing a file is an error of the storage itself (not a directory).
    session.submit(`ls ${SEGMENT}`);
    session.submit("history");
    await settle(session);
    expect(session.snapshot().lines[1]).toMatchObject({
      kind: "note",
      key: "terminal.error.failed",
      tone: "error",
      values: { message: expect.stringContaining("not a directory") },
    });
    expect(shown(session).slice(2)).toEqual([
      "$ history",
      `    1  ls ${SEGMENT}`,
      "    2  history",
    ]);
  });

  it("refuses a line with an open quote or an unknown command, with a note and a shell's exit code", async () => {
    const session = terminal();
    session.clear();
    session.submit("kafka-topics --topic 'orders");
    await settle(session);
    session.submit("kafka-nope --list");
    await settle(session);
    expect(shown(session)).toEqual([
      "$ kafka-topics --topic 'orders",
      "[terminal.error.unterminated-single-quote]",
      "$ kafka-nope --list",
      "[terminal.error.notFound]",
    ]);
    expect(session.snapshot().lastExitCode).toBe(127);
  });

  it("completes at the cursor and lists the names when Tab cannot choose", async () => {
    const session = terminal();
    session.clear();
    expect(await session.complete("kafka-topics --li --bootstrap-server x", 17)).toEqual({
      line: "kafka-topics --list  --bootstrap-server x",
      cursor: 20,
    });
    expect(await session.complete("kafka-console-", 14)).toEqual({
      line: "kafka-console-",
      cursor: 14,
    });
    expect(shown(session)).toEqual([
      "$ kafka-console-",
      "kafka-console-consumer  kafka-console-producer",
    ]);
  });
});
