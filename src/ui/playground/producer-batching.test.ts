import { describe, expect, it } from "vitest";
import { createReadyTopic } from "../../client/consumer/testing/consumer-sim.ts";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { defaultProducerSettings } from "../store/clients-slice.ts";
import { ProducerRunner } from "./producer-runner.ts";
import { parseSavedClients } from "./saved-clients.ts";

const BOOTSTRAP = ["node-1:9092", "node-2:9092", "node-3:9092"];

/** Sends at 100 records/s for 3 s of node time; the producer's counters at the end. */
async function countersWith(sim: SimCluster, id: string, lingerMs: number, batchSize = 16_384) {
  const settings = {
    ...defaultProducerSettings("clicks"),
    ratePerSec: 100,
    keyMode: "none" as const,
    lingerMs,
    batchSize,
  };
  const runner = new ProducerRunner(id, settings, {
    io: simClientIo(sim, id),
    bootstrap: BOOTSTRAP,
    onAcknowledged: () => {},
    onChanged: () => {},
  });
  void runner.start();
  await sim.scheduler.runFor(3_000);
  const counters = runner.snapshot();
  await sim.runWhile(runner.stop());
  return counters;
}

describe("a playground producer's request counters", () => {
  it("count Produce requests and their records, so linger.ms shows as records per request", async () => {
    const sim = await readyCluster(81);
    await createReadyTopic(sim, "clicks", 1);
    const eager = await countersWith(sim, "eager", 0);
    const lingering = await countersWith(sim, "lingering", 500);
    const filling = await countersWith(sim, "filling", 500, 200);

    for (const counters of [eager, lingering, filling]) {
      expect(counters.requests).toBeGreaterThan(0);
      expect(counters.recordsSent).toBeGreaterThanOrEqual(counters.acknowledged);
    }
    const perRequest = (c: typeof eager) => c.recordsSent / c.requests;
    // 100 records/s: without lingering a request carries a 50 ms tick's worth (5 records),
    // sometimes two ticks' when the sender wakes late; about 50 records in half a second with it.
    expect(perRequest(eager)).toBeLessThan(10);
    expect(perRequest(lingering)).toBeGreaterThan(25);
    expect(lingering.latencyP99Ms).toBeGreaterThanOrEqual(400);
    // A 200-byte batch fills with a few records and goes before linger.ms is up.
    expect(perRequest(filling)).toBeLessThan(perRequest(lingering));
    expect(filling.latencyP99Ms).toBeLessThan(250);
  }, 60_000);
});

describe("settings saved before a producer field existed", () => {
  it("are still read back, the missing nullValue meaning no tombstones", () => {
    const { nullValue: _dropped, ...older } = defaultProducerSettings("orders");
    const saved = JSON.stringify({ producers: [{ id: "producer-1", settings: older }] });
    const { producers } = parseSavedClients(saved);
    expect(producers).toHaveLength(1);
    expect(producers[0]!.settings).toMatchObject(older);
    expect(producers[0]!.settings.nullValue ?? false).toBe(false);
    const tombstones = JSON.stringify({
      producers: [{ id: "producer-3", settings: { ...older, nullValue: true } }],
    });
    expect(parseSavedClients(tombstones).producers[0]?.settings.nullValue).toBe(true);
    const wrongType = JSON.stringify({
      producers: [{ id: "producer-2", settings: { ...older, nullValue: "yes" } }],
    });
    expect(parseSavedClients(wrongType).producers).toEqual([]);
  });
});
