/**
 * The stage the replication and failure lessons (7, 8, 9, 15) start from: a fresh topic of
 * one partition on three failure-safe brokers (see `lessonReplicas`), the cluster sped up so
 * Kafka's timeouts (replica.lag.time.max.ms, broker.session.timeout.ms) pass in seconds.
 */
import type { ConfigEntry } from "../../../client/admin/admin-types.ts";
import type { LessonContext } from "../lesson-context.ts";
import { prepareCluster, recreateTopic } from "../lesson-setup.ts";
import { lessonReplicas } from "./07-replication-queries.ts";

export interface OnePartitionStage {
  topic: string;
  /** Brokers the cluster needs at least (added broker-only beyond the three voters). */
  brokers: number;
  groups?: readonly string[];
  configEntries?: ConfigEntry[];
  speed: number;
}

export async function setUpOnePartition(ctx: LessonContext, stage: OnePartitionStage) {
  // Brokers start at 1×: a new worker's start takes the CPU for a while, and squeezed into
  // a fraction of the time it can cost the KRaft voters their election timeouts.
  if (ctx.state().speed !== 1) await ctx.must(ctx.actions.setClusterSpeed(1));
  await addBrokersTogether(ctx, stage.brokers);
  await prepareCluster(ctx, { brokers: stage.brokers, groups: stage.groups ?? [], speed: 1 });
  const replicas = lessonReplicas(ctx.state(), 3);
  await recreateTopic(ctx, {
    topic: stage.topic,
    replicaAssignment: [{ partition: 0, replicas }],
    ...(stage.configEntries ? { configEntries: stage.configEntries } : {}),
  });
  await ctx.must(ctx.actions.setClusterSpeed(stage.speed));
}

/** The brokers the stage lacks, started side by side rather than one after another. */
async function addBrokersTogether(ctx: LessonContext, wanted: number): Promise<void> {
  const missing = wanted - Object.keys(ctx.state().brokers).length;
  if (missing <= 0) return;
  const added = Array.from({ length: missing }, () => ctx.must(ctx.actions.addBroker()));
  await Promise.all(added);
}
