/**
 * A simulated cluster ready for clients: every node started, and every broker registered
 * and unfenced by the controller (within 30 s of virtual time, or it throws).
 */
import { SimCluster } from "../sim-cluster.ts";

export async function readyCluster(
  seed: number,
  nodes = 3,
  properties: Record<string, string> = {},
): Promise<SimCluster> {
  const cluster = new SimCluster({ seed, nodes, properties, keepTelemetry: true });
  await cluster.startAll();
  const ready = await cluster.scheduler.runUntil(
    () => cluster.nodeIds.every((id) => cluster.node(id)?.status().fenced === false),
    30_000,
  );
  if (!ready) throw new Error(`seed ${seed}: not every broker was unfenced within 30 s`);
  return cluster;
}
