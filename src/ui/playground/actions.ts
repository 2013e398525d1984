/**
 * What the user can do to the playground, for components to call: each returns what
 * happened (never throws), with Kafka's name for an error so the page can explain it.
 */
import {
  ConfigResourceType,
  type CreateTopicsOptions,
  type IncrementalConfigEntry,
} from "../../client/admin/admin-types.ts";
import type { LinkConditions } from "../../runtime/network/link-conditions.ts";
import type { ConsumerSettings, ProducerSettings } from "../store/clients-slice.ts";
import { usePlayground } from "../store/store.ts";
import { clientErrorOf } from "./client-error.ts";
import { playgroundSession, type PlaygroundSession } from "./session.ts";

export type ActionResult<T = void> =
  { ok: true; value: T } | { ok: false; errorName: string; message: string };

export async function attempt<T>(
  run: (session: PlaygroundSession) => Promise<T> | T,
): Promise<ActionResult<T>> {
  try {
    const session = playgroundSession();
    const value = await run(session);
    // What the action changed shows at once, not at the next poll.
    session.pollNow();
    return { ok: true, value };
  } catch (error) {
    const { name, message } = clientErrorOf(error, 0);
    return { ok: false, errorName: name, message };
  }
}

export const addBroker = () => attempt((session) => session.host.addNode());
export const killBroker = (id: number) => attempt((session) => session.host.kill(id));
export const restartBroker = (id: number) => attempt((session) => session.host.restart(id));
export const shutdownBroker = (id: number) => attempt((session) => session.host.shutdownNode(id));

export function pauseCluster() {
  usePlayground.setState({ paused: true });
  return attempt((session) => session.host.pause());
}

export function resumeCluster() {
  usePlayground.setState({ paused: false });
  return attempt((session) => session.host.resume());
}

export function setClusterSpeed(speed: number) {
  usePlayground.setState({ speed });
  return attempt((session) => session.host.setSpeed(speed));
}

/** Changes the directed link `from` → `to`; both directions when `bothWays`. */
export function setLink(
  from: number | "page",
  to: number | "page",
  change: Partial<LinkConditions>,
  bothWays = true,
) {
  return attempt(async (session) => {
    await session.host.setLink(from, to, change);
    if (bothWays) await session.host.setLink(to, from, change);
    usePlayground.setState({ faultyLinks: session.host.faultyLinks() });
  });
}

export function setTapping(enabled: boolean) {
  usePlayground.setState({ tapping: enabled });
  return attempt((session) => session.host.setTap(enabled));
}

export type TopicSpec = CreateTopicsOptions["topics"][number];

export const createTopic = (topic: TopicSpec) =>
  attempt(async (session) => {
    await session.admin.createTopics({ topics: [topic], waitForLeaders: true });
  });

export const addPartitions = (topic: string, count: number) =>
  attempt((session) => session.admin.createPartitions({ topicPartitions: [{ topic, count }] }));

export const deleteTopic = (topic: string) =>
  attempt((session) => session.admin.deleteTopics({ topics: [topic] }));

/** Sets (value) or removes (null: back to the default) a topic's configs. */
export const alterTopicConfigs = (topic: string, changes: Record<string, string | null>) =>
  attempt((session) =>
    session.admin.incrementalAlterConfigs({
      resources: [
        {
          type: ConfigResourceType.TOPIC,
          name: topic,
          configEntries: Object.entries(changes).map(([name, value]): IncrementalConfigEntry =>
            value === null ? { name, operation: "DELETE" } : { name, value, operation: "SET" },
          ),
        },
      ],
    }),
  );

export const describeTopicConfigs = (topic: string) =>
  attempt(async (session) => {
    const answer = await session.admin.describeConfigs({
      resources: [{ type: ConfigResourceType.TOPIC, name: topic }],
      includeSynonyms: false,
    });
    return answer.resources[0]?.configEntries ?? [];
  });

export const addProducer = (settings: ProducerSettings) =>
  attempt((session) => session.clients.addProducer(settings));
export const updateProducer = (id: string, settings: ProducerSettings) =>
  attempt((session) => session.clients.updateProducer(id, settings));
export const removeProducer = (id: string) =>
  attempt((session) => session.clients.removeProducer(id));

export const addConsumer = (settings: ConsumerSettings) =>
  attempt((session) => session.clients.addConsumer(settings));
export const closeConsumer = (id: string) =>
  attempt((session) => session.clients.closeConsumer(id));
export const crashConsumer = (id: string) =>
  attempt((session) => session.clients.crashConsumer(id));
export const removeConsumer = (id: string) =>
  attempt((session) => session.clients.removeConsumer(id));
