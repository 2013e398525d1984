import { describe, expect, it } from "vitest";
import { dataBatch, leaderChangeBatch } from "../../controller/raft/control-records.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../log/log-config.ts";
import { PartitionLog } from "../../log/partition-log.ts";
import { encodeMetadataRecord } from "../../metadata/metadata-record.ts";
import { defaultPartitionRecord } from "../../protocol/generated/metadata-records/partition-record.ts";
import { GroupMetadataKeySpec } from "../../protocol/generated/coordinator-records/group-metadata-key.ts";
import { GroupMetadataValueSpec } from "../../protocol/generated/coordinator-records/group-metadata-value.ts";
import { OffsetCommitKeySpec } from "../../protocol/generated/coordinator-records/offset-commit-key.ts";
import { OffsetCommitValueSpec } from "../../protocol/generated/coordinator-records/offset-commit-value.ts";
import { ConsumerProtocolSubscriptionSpec } from "../../protocol/generated/messages/consumer-protocol-subscription.ts";
import type { MessageSpec } from "../../protocol/codec-runtime.ts";
import { encodeMessage } from "../../protocol/message-codec.ts";
import { encoded, text } from "../../protocol/records/testing/encoded-batch.ts";
import { runTool } from "../testing/captured-io.ts";
import { dumpLogTool } from "./dump-log.ts";

const T0 = 1_700_000_000_000;
const TOPIC_ID = "kXbLPB5qRVyVn3VWqc8oAQ";

async function logOf(
  directory: string,
  batches: Uint8Array[],
  maxMessageBytes = KAFKA_DEFAULT_LOG_CONFIG.maxMessageBytes,
) {
  const fs = new MemoryFileSystem();
  const log = await PartitionLog.open({
    fs,
    directory,
    config: { ...KAFKA_DEFAULT_LOG_CONFIG, maxMessageBytes },
  });
  for (const batch of batches) {
    const appended = await log.appendAsLeader(batch, 1, BigInt(T0));
    if (!appended.ok) throw new Error(appended.message);
  }
  await log.close();
  return fs;
}

const dump = (fs: MemoryFileSystem, args: string[]) => runTool(dumpLogTool, args, { files: fs });

/** A coordinator key or value: its int16 version, then the message at that version. */
function versioned<T>(spec: MessageSpec<T>, version: number, value: T): Uint8Array {
  const body = encodeMessage(spec, value, version);
  const bytes = new Uint8Array(2 + body.length);
  new DataView(bytes.buffer).setInt16(0, version);
  bytes.set(body, 2);
  return bytes;
}

describe("kafka-dump-log --cluster-metadata-decoder", () => {
  it("prints the controller's records by Kafka's type names and JSON, and Raft's leader change", async () => {
    const records = [
      encodeMetadataRecord({ type: "TopicRecord", data: { name: "orders", topicId: TOPIC_ID } }),
      encodeMetadataRecord({
        type: "PartitionRecord",
        data: {
          ...defaultPartitionRecord(),
          partitionId: 0,
          topicId: TOPIC_ID,
          replicas: [1, 2],
          isr: [1, 2],
          leader: 1,
          leaderEpoch: 0,
          partitionEpoch: 0,
        },
      }),
      encodeMetadataRecord({
        type: "FeatureLevelRecord",
        data: { name: "metadata.version", featureLevel: 21 },
      }),
    ];
    const fs = await logOf("__cluster_metadata-0", [
      leaderChangeBatch({
        leaderId: 1,
        voters: [1, 2, 3],
        grantingVoters: [1, 2],
        epoch: 1,
        nowMs: T0,
      }),
      dataBatch(records, 1, T0),
      encoded({ records: [{ value: new Uint8Array([1, 99, 0]), timestamp: BigInt(T0) }] }),
    ]);
    const { exitCode, out, err } = await dump(fs, [
      "--files",
      "__cluster_metadata-0/00000000000000000000.log",
      "--cluster-metadata-decoder",
    ]);
    expect(exitCode).toBe(0);
    expect(err).toEqual([]);
    expect(out[2]).toContain("isControl: true");
    expect(out[3]).toBe(
      `| offset: 0 CreateTime: ${T0} keySize: 4 valueSize: ${out[3]!.match(/valueSize: (\d+)/)![1]} sequence: -1 headerKeys: [] controlType: LEADER_CHANGE(2)`,
    );
    expect(out[4]).toMatch(/^baseOffset: 1 lastOffset: 3 count: 3 .* isControl: false /);
    const payloads = out
      .filter((line) => line.startsWith("| offset: "))
      .slice(1)
      .map((line) => line.slice(line.indexOf(" payload: ") + 10));
    expect(payloads).toEqual([
      `{"type":"TOPIC_RECORD","version":0,"data":{"name":"orders","topicId":"${TOPIC_ID}"}}`,
      `{"type":"PARTITION_RECORD","version":1,"data":{"partitionId":0,"topicId":"${TOPIC_ID}","replicas":[1,2],"isr":[1,2],` +
        `"removingReplicas":[],"addingReplicas":[],"leader":1,"leaderEpoch":0,"partitionEpoch":0,"directories":[]}}`,
      `{"type":"FEATURE_LEVEL_RECORD","version":0,"data":{"name":"metadata.version","featureLevel":21}}`,
      "Error at 4, skipping. Unknown metadata id 99",
    ]);
    // Metadata records have no keys: nothing between the metadata and the payload.
    expect(out.find((line) => line.includes("TOPIC_RECORD"))).toMatch(
      /headerKeys: \[\] payload: \{/,
    );
  });
});

describe("kafka-dump-log --offsets-decoder", () => {
  it("prints __consumer_offsets keys and values as Kafka's JSON, tombstones as <DELETE>", async () => {
    const offsetKey = versioned(OffsetCommitKeySpec, 1, {
      group: "readers",
      topic: "orders",
      partition: 0,
    });
    const subscription = versioned(ConsumerProtocolSubscriptionSpec, 1, {
      topics: ["orders"],
      userData: null,
      ownedPartitions: [],
      generationId: -1,
      rackId: null,
    });
    const groupValue = versioned(GroupMetadataValueSpec, 3, {
      protocolType: "consumer",
      generation: 2,
      protocol: "range",
      leader: "member-1",
      currentStateTimestamp: BigInt(T0),
      members: [
        {
          memberId: "member-1",
          groupInstanceId: null,
          clientId: "reader",
          clientHost: "/127.0.0.1",
          rebalanceTimeout: 300000,
          sessionTimeout: 45000,
          subscription,
          assignment: new Uint8Array([0, 9]), // not a valid assignment: kept as base64, as Kafka does
        },
      ],
    });
    const batch = encoded({
      records: [
        {
          key: offsetKey,
          value: versioned(OffsetCommitValueSpec, 3, {
            offset: 42n,
            leaderEpoch: 5,
            metadata: "",
            commitTimestamp: BigInt(T0),
            expireTimestamp: -1n,
          }),
        },
        { key: versioned(GroupMetadataKeySpec, 2, { group: "readers" }), value: groupValue },
        { key: offsetKey, value: null },
        { key: new Uint8Array([0, 99, 1]), value: text("?") },
      ],
    });
    const fs = await logOf("__consumer_offsets-7", [batch]);
    const { exitCode, out } = await dump(fs, [
      "--files",
      "__consumer_offsets-7/00000000000000000000.log",
      "--offsets-decoder",
    ]);
    expect(exitCode).toBe(0);
    const parts = out.slice(3).map((line) => line.slice(line.indexOf(" key: ") + 1));
    expect(parts).toEqual([
      'key: {"type":"1","data":{"group":"readers","topic":"orders","partition":0}} ' +
        `payload: {"version":"3","data":{"offset":42,"leaderEpoch":5,"metadata":"","commitTimestamp":${T0}}}`,
      'key: {"type":"2","data":{"group":"readers"}} ' +
        `payload: {"version":"3","data":{"protocolType":"consumer","generation":2,"protocol":"range","leader":"member-1",` +
        `"currentStateTimestamp":${T0},"members":[{"memberId":"member-1","groupInstanceId":null,"clientId":"reader",` +
        `"clientHost":"/127.0.0.1","rebalanceTimeout":300000,"sessionTimeout":45000,` +
        `"subscription":{"topics":["orders"],"userData":null,"ownedPartitions":[]},"assignment":"AAk="}]}}`,
      'key: {"type":"1","data":{"group":"readers","topic":"orders","partition":0}} payload: <DELETE>',
      "key: Unknown record type 99 at offset 3, skipping.",
    ]);
  });
});

describe("kafka-dump-log on big batches", () => {
  it("reads a batch larger than its read window whole", async () => {
    const big = new Uint8Array(3 * 1024 * 1024).fill(120);
    const fs = await logOf(
      "big-0",
      [
        encoded({ records: [{ value: text("small"), timestamp: BigInt(T0) }] }),
        encoded({ records: [{ value: big, timestamp: BigInt(T0) }] }),
        encoded({ records: [{ value: text("after"), timestamp: BigInt(T0) }] }),
      ],
      8 * 1024 * 1024,
    );
    const { exitCode, out, err } = await dump(fs, [
      "--files",
      "big-0/00000000000000000000.log",
      "--deep-iteration",
    ]);
    expect(exitCode).toBe(0);
    expect(err).toEqual([]);
    expect(out.filter((line) => line.startsWith("baseOffset: "))).toHaveLength(3);
    expect(
      out
        .filter((line) => line.startsWith("| offset: "))
        .map((line) => / valueSize: (\d+)/.exec(line)![1]),
    ).toEqual(["5", String(big.length), "5"]);
    expect(out.some((line) => line.startsWith("Found "))).toBe(false);
  });
});
