/**
 * A lesson stage set up at 1×, then the cluster's clock sped up. Creating the lesson's
 * topics already at 4× squeezes the controller's timers (a 1 s election timeout becomes
 * 250 ms of wall time): on a busy machine CreateTopics then finds no active controller.
 */
import type { LessonContext } from "../lesson-context.ts";
import { prepareCluster, type LessonStage } from "../lesson-setup.ts";

export async function prepareThenSpeedUp(
  ctx: LessonContext,
  stage: Omit<LessonStage, "speed">,
  speed: number,
): Promise<void> {
  await prepareCluster(ctx, { ...stage, speed: 1 });
  await ctx.must(ctx.actions.setClusterSpeed(speed));
}
