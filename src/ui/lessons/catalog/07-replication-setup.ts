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
  // At 1× (prepareCluster's own speed) until the topic is placed on brokers it chose.
  await prepareCluster(ctx, { brokers: stage.brokers, groups: stage.groups ?? [] });
  const replicas = lessonReplicas(ctx.state(), 3);
  await recreateTopic(ctx, {
    topic: stage.topic,
    replicaAssignment: [{ partition: 0, replicas }],
    ...(stage.configEntries ? { configEntries: stage.configEntries } : {}),
  });
  await ctx.must(ctx.actions.setClusterSpeed(stage.speed));
}
