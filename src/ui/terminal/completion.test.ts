import { describe, expect, it } from "vitest";
import { TOOLS } from "../../cli/tools.ts";
import { complete, type CompletionSources } from "./completion.ts";
import { clusterStorageReader, isDirectoryEntry } from "./storage-paths.ts";
import { MemoryStorageHost } from "./testing/memory-storage-host.ts";

const host = new MemoryStorageHost([1, 2]);
const storage = clusterStorageReader(host);
await host.disks.get(1)!.mkdir("broker-1/orders-0");
await host.disks.get(1)!.mkdir("broker-1/orders-1");
for (const name of ["00000000000000000000.log", "00000000000000000000.index"]) {
  const file = await host.disks.get(1)!.open(`broker-1/orders-0/${name}`, { create: true });
  await file.close();
}
const meta = await host.disks.get(1)!.open("broker-1/meta.properties", { create: true });
await meta.close();

const sources: CompletionSources = {
  tools: TOOLS,
  topics: () => ["orders", "payments", "__consumer_offsets"],
  groups: () => ["billing", "bi-readers"],
  brokerIds: () => [1, 2, 3],
  brokerAddresses: () => ["broker-1:9092", "broker-2:9092", "broker-3:9092"],
  configNames: async (type) =>
    type === "topics"
      ? ["cleanup.policy", "retention.bytes", "retention.ms", "segment.bytes"]
      : ["log.retention.hours", "log.segment.bytes"],
  async listDirectory(path) {
    const entries = await storage.list(path);
    return (
      entries?.map((entry) => ({
        name: entry.name,
        directory: isDirectoryEntry(path, entry.name),
      })) ?? null
    );
  },
};

/** The line after Tab at its end. */
async function tab(line: string): Promise<string> {
  const completion = await complete(line, sources);
  return completion === null ? line : line.slice(0, completion.start) + completion.text;
}

async function candidates(line: string): Promise<readonly string[]> {
  return (await complete(line, sources))?.candidates ?? [];
}

describe("completing the command", () => {
  it("completes tool names without .sh, and with it when typed like a script", async () => {
    expect(await tab("kafka-top")).toBe("kafka-topics ");
    expect(await tab("kafka-topics.")).toBe("kafka-topics.sh ");
    expect(await tab("bin/kafka-console-c")).toBe("bin/kafka-console-consumer.sh ");
    expect(await tab("hi")).toBe("history ");
  });

  it("stops at the common part and lists every match", async () => {
    expect(await tab("kafka-con")).toBe("kafka-con");
    expect(await candidates("kafka-con")).toEqual([
      "kafka-configs",
      "kafka-console-consumer",
      "kafka-console-producer",
      "kafka-consumer-groups",
      "kafka-consumer-perf-test",
    ]);
    expect(await tab("kafka-console-p")).toBe("kafka-console-producer ");
    expect(await complete("nothing-like-it", sources)).toBeNull();
  });
});

describe("completing a tool's options", () => {
  it("offers the options the tool's own parser declares, with or without .sh", async () => {
    expect(await tab("kafka-topics.sh --bootstrap-s")).toBe("kafka-topics.sh --bootstrap-server ");
    expect(await tab("kafka-topics --replication")).toBe("kafka-topics --replication-factor ");
    expect(await candidates("kafka-console-consumer --from")).toEqual(["--from-beginning"]);
    expect(await candidates("kafka-producer-perf-test --num")).toEqual(["--num-records"]);
    const dumpLog = await candidates("kafka-dump-log -");
    expect(dumpLog).toContain("--files");
    expect(dumpLog).toContain("--print-data-log");
    expect(dumpLog).toContain("--help");
  });

  it("leaves out an option already given unless it may repeat", async () => {
    expect(await candidates("kafka-topics --create --cre")).toEqual([]);
    expect(await candidates("kafka-topics --create --config a=1 --conf")).toEqual(["--config"]);
  });

  it("offers kafka-metadata-quorum's subcommand, then that subcommand's options", async () => {
    expect(await tab("kafka-metadata-quorum --bootstrap-server broker-1:9092 d")).toBe(
      "kafka-metadata-quorum --bootstrap-server broker-1:9092 describe ",
    );
    expect(await candidates("kafka-metadata-quorum --bootstrap-server b:1 describe --")).toEqual([
      "--help",
      "--human-readable",
      "--replication",
      "--status",
    ]);
  });

  it("does not guess a value it cannot name", async () => {
    expect(await complete("kafka-topics --partitions ", sources)).toBeNull();
    expect(await complete("unknown-tool --x", sources)).toBeNull();
  });
});

describe("completing values from the cluster", () => {
  it("completes topics after --topic, groups after --group", async () => {
    expect(await tab("kafka-topics --describe --topic pay")).toBe(
      "kafka-topics --describe --topic payments ",
    );
    expect(await tab("kafka-consumer-groups --describe --group bil")).toBe(
      "kafka-consumer-groups --describe --group billing ",
    );
    expect(await candidates("kafka-consumer-groups --group b")).toEqual(["billing", "bi-readers"]);
  });

  it("completes broker addresses after --bootstrap-server, each in a comma list", async () => {
    expect(await tab("kafka-topics --bootstrap-server ")).toBe(
      "kafka-topics --bootstrap-server broker-",
    );
    expect(await tab("kafka-topics --bootstrap-server broker-2")).toBe(
      "kafka-topics --bootstrap-server broker-2:9092 ",
    );
    expect(await tab("kafka-topics --bootstrap-server broker-1:9092,broker-3")).toBe(
      "kafka-topics --bootstrap-server broker-1:9092,broker-3:9092 ",
    );
    expect(await tab("kafka-topics --bootstrap-server=broker-1")).toBe(
      "kafka-topics --bootstrap-server=broker-1:9092 ",
    );
  });

  it("completes config names after --config, --add-config and --delete-config", async () => {
    expect(await tab("kafka-topics --create --config retention.m")).toBe(
      "kafka-topics --create --config retention.ms=",
    );
    expect(
      await tab("kafka-configs --entity-type topics --alter --add-config retention.ms=1,clea"),
    ).toBe(
      "kafka-configs --entity-type topics --alter --add-config retention.ms=1,cleanup.policy=",
    );
    expect(
      await tab("kafka-configs --entity-type brokers --entity-name 1 --add-config log.segm"),
    ).toBe("kafka-configs --entity-type brokers --entity-name 1 --add-config log.segment.bytes=");
    expect(await tab("kafka-configs --topic orders --delete-config seg")).toBe(
      "kafka-configs --topic orders --delete-config segment.bytes ",
    );
    expect(await complete("kafka-configs --add-config retention.ms=10", sources)).toBeNull();
  });

  it("completes entity types, and entity names of the type given", async () => {
    expect(await tab("kafka-configs --entity-type top")).toBe(
      "kafka-configs --entity-type topics ",
    );
    expect(await candidates("kafka-configs --entity-type bro")).toEqual([
      "broker-loggers",
      "brokers",
    ]);
    expect(await candidates("kafka-configs --entity-type brokers --entity-name ")).toEqual([
      "1",
      "2",
      "3",
    ]);
    expect(await tab("kafka-configs --entity-type topics --entity-name ord")).toBe(
      "kafka-configs --entity-type topics --entity-name orders ",
    );
  });

  it("completes the brokers' storage after --files and ls, directories ending in /", async () => {
    expect(await candidates("kafka-dump-log --files ")).toEqual(["broker-1", "broker-2"]);
    expect(await tab("kafka-dump-log --files broker-1/ord")).toBe(
      "kafka-dump-log --files broker-1/orders-",
    );
    expect(await tab("kafka-dump-log --files broker-1/orders-0")).toBe(
      "kafka-dump-log --files broker-1/orders-0/",
    );
    expect(await tab("kafka-dump-log --files broker-1/orders-0/00000000000000000000.l")).toBe(
      "kafka-dump-log --files broker-1/orders-0/00000000000000000000.log ",
    );
    expect(await tab("ls broker-1/m")).toBe("ls broker-1/meta.properties ");
    expect(await complete("kafka-dump-log --files broker-9/", sources)).toBeNull();
  });

  it("keeps a quote the user opened by rewriting the word so it splits the same", async () => {
    expect(await tab("kafka-topics --topic 'pay")).toBe("kafka-topics --topic payments ");
  });
});
