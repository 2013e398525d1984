/**
 * The load the issue names, set up through the page's own actions (what its buttons call):
 * 3 topics × 6 partitions × RF 3, one producer of 1,000 records/s on each, and two consumer
 * groups. Runs inside the page (this function is serialised by Playwright).
 */
export interface LoadShape {
  topics: string[];
  partitions: number;
  replicationFactor: number;
  ratePerSec: number;
  groups: { groupId: string; topic: string; members: number }[];
}

export const BENCH_LOAD: LoadShape = {
  topics: ["load-1", "load-2", "load-3"],
  partitions: 6,
  replicationFactor: 3,
  ratePerSec: 1_000,
  groups: [
    { groupId: "bench-readers-a", topic: "load-1", members: 2 },
    { groupId: "bench-readers-b", topic: "load-2", members: 1 },
  ],
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
  for (const topic of shape.topics) {
    must(
      `producer on ${topic}`,
      await actions.addProducer({
        topic,
        ratePerSec: shape.ratePerSec,
        keyMode: "random",
        fixedKey: "customer-1",
        keySet: ["alice", "bob", "carol", "dave", "erin"],
        valueTemplate: "order #{n} for {key}",
        acks: "all",
        lingerMs: 5,
        batchSize: 16_384,
        idempotence: true,
        partitioner: "default",
      }),
    );
  }
  for (const group of shape.groups) {
    for (let member = 0; member < group.members; member++) {
      must(
        `consumer in ${group.groupId}`,
        await actions.addConsumer({
          topic: group.topic,
          groupId: group.groupId,
          assignor: "cooperative-sticky",
          processingDelayMs: 0,
          autoCommit: true,
          fromBeginning: true,
          sessionTimeoutMs: 45_000,
          groupInstanceId: "",
        }),
      );
    }
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
