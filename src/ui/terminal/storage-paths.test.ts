import { describe, expect, it } from "vitest";
import {
  clusterStorageReader,
  cutNotingReader,
  isDirectoryEntry,
  nodeOfPath,
  normalizePath,
} from "./storage-paths.ts";
import { MemoryStorageHost } from "./testing/memory-storage-host.ts";

describe("paths in the brokers' storage", () => {
  it("are normalised and routed to the node their first part names", () => {
    expect(normalizePath("/broker-2//orders-0/./x.log/")).toBe("broker-2/orders-0/x.log");
    expect(nodeOfPath("./broker-12/orders-0")).toBe(12);
    expect(nodeOfPath("orders-0/x.log")).toBeNull();
  });

  it("tell directories from files by Kafka's layout", () => {
    expect(isDirectoryEntry("", "broker-1")).toBe(true);
    expect(isDirectoryEntry("broker-1", "orders-0")).toBe(true);
    expect(isDirectoryEntry("broker-1", "__cluster_metadata-0")).toBe(true);
    expect(isDirectoryEntry("broker-1", "recovery-point-offset-checkpoint")).toBe(false);
    expect(isDirectoryEntry("broker-1/orders-0", "00000000000000000000.log")).toBe(false);
  });
});

describe("reading every broker's storage as one tree", () => {
  it("lists the nodes at the top and each node's own files below", async () => {
    const host = new MemoryStorageHost([1, 3]);
    await host.disks.get(3)!.mkdir("broker-3/orders-1");
    const reader = clusterStorageReader(host);
    expect(await reader.list("")).toEqual([
      { name: "broker-1", size: null },
      { name: "broker-3", size: null },
    ]);
    expect(await reader.list("/broker-3/")).toEqual([{ name: "orders-1", size: null }]);
    expect(await reader.list("broker-2")).toBeNull();
    expect(await reader.list("elsewhere")).toBeNull();
  });

  it("reads a file in as many reads as the worker's cap needs, and notes a file read in part", async () => {
    const host = new MemoryStorageHost([1], 4);
    const file = await host.disks.get(1)!.open("broker-1/meta.properties", { create: true });
    file.append(new TextEncoder().encode("node.id=1\n"));
    await file.close();
    const { reader, cuts } = cutNotingReader(clusterStorageReader(host));
    const whole = await reader.read("broker-1/meta.properties", 0, 100);
    expect(new TextDecoder().decode(whole!.bytes)).toBe("node.id=1\n");
    expect(whole!.fileSize).toBe(10);
    expect(host.reads.map((read) => read.offset)).toEqual([0, 4, 8]);
    expect(cuts).toEqual([]);
    const part = await reader.read("broker-1/meta.properties", 0, 6);
    expect(new TextDecoder().decode(part!.bytes)).toBe("node.i");
    expect(cuts).toEqual([{ path: "broker-1/meta.properties", read: 6, size: 10 }]);
    expect(await reader.read("broker-1/none", 0, 6)).toBeNull();
  });
});
