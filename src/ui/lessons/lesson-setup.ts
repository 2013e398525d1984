/**
 * The starting shape most lessons need: no producers or consumers left over, every link
 * healthy, the cluster running at 1×, the brokers up, and the lesson's topics new and empty
 * (a topic left by an earlier try is deleted and created again, so offsets start at 0).
 */
import type { TopicSpec } from "../playground/actions.ts";
import { brokerLiveness } from "../store/cluster-slice.ts";
import type { PlaygroundState } from "../store/store.ts";
import { leaderOffsets } from "../store/topics-slice.ts";
import type { LessonContext } from "./lesson-context.ts";

export interface LessonStage {
  /** At least this many brokers, all alive. */
  brokers?: number;
  /** Created fresh, with every partition led. */
  topics?: readonly TopicSpec[];
  /** Consumer groups deleted first, so their committed offsets start over. */
  groups?: readonly string[];
  /**
   * The lesson's speed, set once everything else is in place. The stage itself is always
   * built at 1×: the admin client's deadlines and the controller's election timeouts run
   * on node time, and squeezed into a fraction of the wall time they fail on a busy
   * machine (CreateTopics finding no active controller, a deletion timing out).
   */
  speed?: number;
}

const TOPIC_GONE_MS = 20_000;
const BROKERS_UP_MS = 45_000;
const RECREATE_RETRY_MS = 500;

export async function prepareCluster(ctx: LessonContext, stage: LessonStage): Promise<void> {
  await removeClients(ctx);
  await healLinks(ctx);
  if (ctx.state().paused) await ctx.must(ctx.actions.resumeCluster());
  if (ctx.state().speed !== 1) await ctx.must(ctx.actions.setClusterSpeed(1));
  await bringBrokersUp(ctx, stage.brokers ?? 0);
  for (const group of stage.groups ?? []) await deleteGroup(ctx, group);
  for (const topic of stage.topics ?? []) await recreateTopic(ctx, topic);
  const speed = stage.speed ?? 1;
  if (speed !== 1) await ctx.must(ctx.actions.setClusterSpeed(speed));
}

async function removeClients(ctx: LessonContext): Promise<void> {
  const { producers, consumers } = ctx.state();
  for (const id of Object.keys(producers)) await ctx.must(ctx.actions.removeProducer(id));
  for (const id of Object.keys(consumers)) await ctx.must(ctx.actions.removeConsumer(id));
}

async function healLinks(ctx: LessonContext): Promise<void> {
  const healthy = { cut: false, latencyMs: 0, lossRate: 0 };
  for (const link of ctx.state().faultyLinks) {
    // The network names the page's clients "page" and brokers by id.
    const endpoint = (id: number | string) => (typeof id === "number" ? id : "page");
    await ctx.must(ctx.actions.setLink(endpoint(link.from), endpoint(link.to), healthy, false));
  }
}

async function bringBrokersUp(ctx: LessonContext, wanted: number): Promise<void> {
  for (const broker of Object.values(ctx.state().brokers)) {
    if (brokerLiveness(broker) === "dead") await ctx.must(ctx.actions.restartBroker(broker.id));
  }
  // Missing brokers start side by side rather than one after another.
  const missing = Math.max(0, wanted - Object.keys(ctx.state().brokers).length);
  await Promise.all(Array.from({ length: missing }, () => ctx.must(ctx.actions.addBroker())));
  await ctx.until(allBrokersAlive, "every broker to be up", BROKERS_UP_MS);
}

export function allBrokersAlive(state: PlaygroundState): boolean {
  const brokers = Object.values(state.brokers);
  return brokers.length > 0 && brokers.every((broker) => brokerLiveness(broker) === "alive");
}

async function deleteGroup(ctx: LessonContext, groupId: string): Promise<void> {
  // GROUP_ID_NOT_FOUND on a first try is the normal case; anything else shows at the
  // lesson's first check, not here.
  await ctx
    .admin()
    .deleteGroups([groupId])
    .catch(() => []);
}

/** Deletes the topic if it exists, waits until it is gone, then creates it afresh. */
export async function recreateTopic(ctx: LessonContext, topic: TopicSpec): Promise<void> {
  const name = topic.topic;
  if ((await ctx.admin().listTopics()).includes(name)) {
    await ctx.must(ctx.actions.deleteTopic(name));
    await ctx.until((state) => !state.topics[name], `topic ${name} to be deleted`, TOPIC_GONE_MS);
  }
  const deadline = Date.now() + TOPIC_GONE_MS;
  for (;;) {
    const created = await ctx.actions.createTopic(topic);
    if (created.ok) break;
    // The controller may still be finishing the deletion.
    if (created.errorName !== "TOPIC_ALREADY_EXISTS" || Date.now() > deadline) {
      await ctx.must(Promise.resolve(created));
    }
    await ctx.sleep(RECREATE_RETRY_MS);
  }
  await ctx.until(
    (state) => topicIsLed(state, name),
    `every partition of ${name} to have a leader`,
  );
}

/**
 * Every partition has a leader that has reported its offsets: a leader the controller has
 * named but that does not serve yet would answer a lesson's first producer with
 * NOT_LEADER_OR_FOLLOWER.
 */
export function topicIsLed(state: PlaygroundState, name: string): boolean {
  const topic = state.topics[name];
  return (
    !!topic &&
    topic.partitions.length > 0 &&
    topic.partitions.every((p) => p.leader >= 0 && !!leaderOffsets(p))
  );
}
