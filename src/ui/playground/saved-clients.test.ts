import { describe, expect, it } from "vitest";
import { defaultConsumerSettings, defaultProducerSettings } from "../store/clients-slice.ts";
import { crashableIo } from "./crashable-io.ts";
import { keyFor, valueFor } from "./record-keys.ts";
import { parseSavedClients } from "./saved-clients.ts";

describe("saved clients", () => {
  it("reads back what was saved and drops anything of another shape", () => {
    const producer = { id: "producer-1", settings: defaultProducerSettings("orders") };
    const consumer = { id: "consumer-2", settings: defaultConsumerSettings("orders", "g") };
    const json = JSON.stringify({
      producers: [
        producer,
        { id: "producer-9", settings: { ...producer.settings, ratePerSec: "fast" } },
      ],
      consumers: [consumer, { id: 5 }],
    });
    expect(parseSavedClients(json)).toEqual({ producers: [producer], consumers: [consumer] });
    expect(parseSavedClients("{not json")).toEqual({ producers: [], consumers: [] });
    expect(parseSavedClients("null")).toEqual({ producers: [], consumers: [] });
  });
});

describe("record keys and values", () => {
  it("follows the key mode and fills in the template", () => {
    const settings = { ...defaultProducerSettings("orders"), keySet: ["a", "b"] };
    expect(keyFor({ ...settings, keyMode: "none" }, 3, () => 0)).toBeNull();
    expect(keyFor({ ...settings, keyMode: "fixed", fixedKey: "k" }, 3, () => 0)).toBe("k");
    expect(keyFor({ ...settings, keyMode: "random" }, 3, () => 0.99)).toBe("b");
    expect(keyFor({ ...settings, keyMode: "sequence" }, 3, () => 0)).toBe("key-3");
    expect(valueFor({ ...settings, valueTemplate: "#{n} for {key}" }, 7, null)).toBe("#7 for null");
  });
});

describe("a crashable client network", () => {
  it("closes every connection, refuses new ones and runs nothing scheduled once crashed", () => {
    const closed: string[] = [];
    const timers: (() => void)[] = [];
    const network = crashableIo({
      connect: ({ host }) => ({
        send() {},
        onFrame() {},
        onClose() {},
        close: () => closed.push(host),
      }),
      nowMs: () => 0,
      after: (_delay, run) => timers.push(run),
      random: () => 0.5,
    });
    network.io.connect({ host: "broker-1", port: 9092 });
    let ran = false;
    network.io.after(10, () => (ran = true));
    network.crash();
    expect(closed).toEqual(["broker-1"]);
    expect(network.io.connect({ host: "broker-2", port: 9092 })).toBeNull();
    for (const timer of timers) timer();
    expect(ran).toBe(false);
  });
});
