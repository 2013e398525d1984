import { describe, expect, it } from "vitest";
import type { BrokerView } from "../store/cluster-slice.ts";
import type { TopicView } from "../store/topics-slice.ts";
import {
  brokerChoices,
  brokersSignature,
  decoderFor,
  partitionChoices,
  partitionDirectory,
  segmentLogs,
  topicsSignature,
} from "./segment-choices.ts";

const broker = (id: number, process: BrokerView["process"]): BrokerView => ({
  id,
  isVoter: true,
  process,
  fenced: false,
  raftRole: null,
  raftEpoch: 0,
  bytesAppended: 0,
  error: null,
});

const topic = (name: string, partitions: number): TopicView => ({
  name,
  topicId: null,
  internal: name.startsWith("__"),
  partitions: Array.from({ length: partitions }, () => ({}) as TopicView["partitions"][number]),
  configs: null,
});

describe("segment inspector choices", () => {
  it("lists brokers by id with whether their files can be read", () => {
    const signature = brokersSignature({ 2: broker(2, "stopped"), 1: broker(1, "running") });
    expect(brokerChoices(signature)).toEqual([
      { id: 1, running: true },
      { id: 2, running: false },
    ]);
    expect(brokerChoices("")).toEqual([]);
  });

  it("offers user topics first, then internal ones, then the metadata log", () => {
    const signature = topicsSignature({
      __consumer_offsets: topic("__consumer_offsets", 2),
      orders: topic("orders", 2),
      audit: topic("audit", 1),
    });
    expect(partitionChoices(signature).map((c) => `${c.topic}-${c.partition}`)).toEqual([
      "audit-0",
      "orders-0",
      "orders-1",
      "__consumer_offsets-0",
      "__consumer_offsets-1",
      "__cluster_metadata-0",
    ]);
    expect(partitionDirectory(3, { topic: "orders", partition: 1 })).toBe("broker-3/orders-1");
    expect(decoderFor("__cluster_metadata")).toBe("cluster-metadata");
    expect(decoderFor("__consumer_offsets")).toBe("offsets");
    expect(decoderFor("orders")).toBeNull();
  });

  it("picks the .log files, oldest first", () => {
    const names = [
      "00000000000000000120.log",
      "00000000000000000000.index",
      "leader-epoch-checkpoint",
      "00000000000000000000.log",
    ];
    expect(segmentLogs(names.map((name) => ({ name }))).map((e) => e.name)).toEqual([
      "00000000000000000000.log",
      "00000000000000000120.log",
    ]);
  });
});
