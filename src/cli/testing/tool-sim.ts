/**
 * Runs command-line tools against a real in-process cluster: a started SimCluster with the
 * topics a test asks for (leaders elected), and `run(tool, args, stdin)` giving each run its
 * own client host on the simulated network, driving virtual time until the tool exits.
 */
import { createReadyTopic } from "../../client/consumer/testing/consumer-sim.ts";
import type { FileSystem } from "../../log/fs/file-system.ts";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import type { Tool } from "../framework/tool.ts";
import { runTool, type ToolRun } from "./captured-io.ts";

export const BOOTSTRAP = "node-1:9092,node-2:9092";

export interface ToolSim {
  sim: SimCluster;
  run(
    tool: Tool,
    args: readonly string[],
    options?: { stdin?: readonly string[]; files?: FileSystem },
  ): Promise<ToolRun>;
}

export async function toolSim(
  seed: number,
  topics: readonly { name: string; partitions: number }[],
): Promise<ToolSim> {
  const sim = await readyCluster(seed);
  for (const topic of topics) await createReadyTopic(sim, topic.name, topic.partitions);
  let runs = 0;
  return {
    sim,
    run: (tool, args, options = {}) =>
      runTool(tool, args, { ...options, connect: simClientIo(sim, `cli-${++runs}`), sim }),
  };
}
