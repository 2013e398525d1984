/**
 * Runs command-line tools against a simulated cluster as an operator's host ("cli") would,
 * with virtual time moving while the tool runs, and keeps what each run printed.
 */
import { ClientCluster } from "../../client/cluster/client-cluster.ts";
import type { FileSystem } from "../../log/fs/file-system.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import type { Tool } from "../framework/tool.ts";
import { runTool, type ToolRun } from "./captured-io.ts";

export const BOOTSTRAP = ["--bootstrap-server", "node-1:9092"];

export function toolRunner(sim: SimCluster, files: FileSystem = new MemoryFileSystem()) {
  return (tool: Tool, args: string[]): Promise<ToolRun> =>
    runTool(tool, args, { connect: simClientIo(sim, "cli"), files, sim });
}

/** A topic's id as the cluster's metadata has it. */
export async function topicIdOf(sim: SimCluster, topic: string): Promise<string> {
  const cluster = new ClientCluster({
    clientId: "test",
    brokers: ["node-1:9092"],
    io: simClientIo(sim, "test"),
  });
  try {
    const metadata = await sim.runWhile(cluster.refreshMetadata([topic]));
    return metadata.topics.get(topic)!.topicId;
  } finally {
    cluster.close();
  }
}
