/**
 * The load the issue names, set up through the page's own actions (what its buttons call):
 * 3 topics × 6 partitions × RF 3, one producer of 1,000 records/s on each (the page's
 * default producer settings otherwise), and two consumer groups. `startLoad` runs inside
 * the page (Playwright serialises it), so the settings are built here and passed to it.
 */
import {
  defaultConsumerSettings,
  defaultProducerSettings,
  type ConsumerSettings,
  type ProducerSettings,
} from "../../src/ui/store/clients-slice.ts";

export interface LoadShape {
  topics: string[];
  partitions: number;
  replicationFactor: number;
  /** One producer per topic, with the page's defaults at this rate. */
  producers: ProducerSettings[];
  consumers: ConsumerSettings[];
}

const RATE_PER_SEC = 1_000;
const GROUPS = [
  { groupId: "bench-readers-a", topic: "load-1", members: 2 },
  { groupId: "bench-readers-b", topic: "load-2", members: 1 },
];

export const BENCH_LOAD: LoadShape = {
  topics: ["load-1", "load-2", "load-3"],
  partitions: 6,
  replicationFactor: 3,
  producers: ["load-1", "load-2", "load-3"].map((topic) => ({
    ...defaultProducerSettings(topic),
    ratePerSec: RATE_PER_SEC,
  })),
  consumers: GROUPS.flatMap(({ groupId, topic, members }) =>
    Array.from({ length: members }, () => defaultConsumerSettings(topic, groupId)),
  ),
};

interface PageActions {
  createTopic(topic: object): Promise<{ ok: boolean; message?: string }>;
  addProducer(settings: object): Promise<{ ok: boolean; message?: string }>;
  addConsumer(settings: object): Promise<{ ok: boolean; message?: string }>;
}

/** Runs in the page. */
export async function startLoad(shape: LoadShape): Promise<void> {
  const playground = (window as unknown as { kafkaPlayground: { actions: PageActions } })
    .kafkaPlayground;
  const { actions } = playground;
  const must = (what: string, result: { ok: boolean; message?: string }) => {
    if (!result.ok) throw new Error(`${what}: ${result.message}`);
  };
  for (const topic of shape.topics) {
    must(
      `create ${topic}`,
      await actions.createTopic({
        topic,
        numPartitions: shape.partitions,
        replicationFactor: shape.replicationFactor,
        configEntries: [{ name: "min.insync.replicas", value: "2" }],
      }),
    );
  }
  for (const settings of shape.producers) {
    must(`producer on ${settings.topic}`, await actions.addProducer(settings));
  }
  for (const settings of shape.consumers) {
    must(`consumer in ${settings.groupId}`, await actions.addConsumer(settings));
  }
}

/** Runs in the page: every animation frame's duration for `durationMs`. */
export function recordFrames(durationMs: number): Promise<number[]> {
  return new Promise((resolve) => {
    const frames: number[] = [];
    let last = -1;
    const end = performance.now() + durationMs;
    const step = (now: number) => {
      if (last >= 0) frames.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(step);
      else resolve(frames);
    };
    requestAnimationFrame(step);
  });
}

/** Runs in the page: records acknowledged and consumed so far, over all clients. */
export function clientTotals(): { acknowledged: number; failed: number; consumed: number } {
  const store = (
    window as unknown as { kafkaPlayground: { store: { getState(): Record<string, unknown> } } }
  ).kafkaPlayground.store;
  const state = store.getState() as {
    producers: Record<string, { acknowledged: number; failed: number }>;
    consumers: Record<string, { consumed: number }>;
  };
  const producers = Object.values(state.producers);
  return {
    acknowledged: producers.reduce((sum, producer) => sum + producer.acknowledged, 0),
    failed: producers.reduce((sum, producer) => sum + producer.failed, 0),
    consumed: Object.values(state.consumers).reduce((sum, consumer) => sum + consumer.consumed, 0),
  };
}
