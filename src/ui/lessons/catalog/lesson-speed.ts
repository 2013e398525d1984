/**
 * A lesson's starting shape at its own speed. The cluster is prepared at 1× first: the
 * admin client's deadlines (default.api.timeout.ms, 60 s) run on node time, so at 4× a
 * topic's deletion and creation would have a quarter of the wall time to finish, too
 * little on a busy machine. The lesson's speed is set once its topics are there.
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
