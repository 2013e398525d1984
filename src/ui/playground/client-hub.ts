/**
 * The playground's producers and consumers: creates their runners on the page's network,
 * keeps their settings saved for the next visit, and hands the session what they did
 * (counters for the store, records for the tapes, flights for the canvas).
 */
import type { ClientIo } from "../../client/client-io.ts";
import type {
  ConsumerSettings,
  ConsumerView,
  ProducerSettings,
  ProducerView,
} from "../store/clients-slice.ts";
import { ConsumerRunner } from "./consumer-runner.ts";
import { ProducerRunner } from "./producer-runner.ts";
import { loadSavedClients, saveClients } from "./saved-clients.ts";

export interface RecordSeen {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  /** Who moved it: a producer's acknowledgement or a consumer's delivery. */
  by: { kind: "producer" | "consumer"; id: string };
}

export interface ClientHubEvents {
  onRecord(record: RecordSeen): void;
  onRevoked(groupId: string): void;
  onChanged(): void;
}

/** Settings that a running producer can take without being made anew. */
const LIVE_PRODUCER_FIELDS = new Set([
  "ratePerSec",
  "keyMode",
  "fixedKey",
  "keySet",
  "valueTemplate",
]);

export class ClientHub {
  private readonly producers = new Map<string, ProducerRunner>();
  private readonly consumers = new Map<string, ConsumerRunner>();
  private nextNumber = 1;

  constructor(
    private readonly io: ClientIo,
    private readonly bootstrap: () => string[],
    private readonly events: ClientHubEvents,
  ) {}

  /** Starts the clients saved by the last visit (consumers that had crashed are not revived). */
  restore(): void {
    const saved = loadSavedClients();
    for (const { id, settings } of saved.producers) this.startProducer(id, settings);
    for (const { id, settings } of saved.consumers) this.startConsumer(id, settings);
  }

  addProducer(settings: ProducerSettings): string {
    const id = this.newId("producer");
    this.startProducer(id, settings);
    this.save();
    return id;
  }

  async updateProducer(id: string, settings: ProducerSettings): Promise<void> {
    const runner = this.producers.get(id);
    if (runner === undefined) throw new RangeError(`no producer ${id}`);
    const live = Object.keys(settings).every(
      (field) =>
        LIVE_PRODUCER_FIELDS.has(field) ||
        JSON.stringify(settings[field as keyof ProducerSettings]) ===
          JSON.stringify(runner.settings[field as keyof ProducerSettings]),
    );
    if (live) {
      runner.retune(settings);
    } else {
      await runner.stop();
      this.startProducer(id, settings);
    }
    this.save();
  }

  async removeProducer(id: string): Promise<void> {
    const runner = this.producers.get(id);
    this.producers.delete(id);
    this.save();
    this.events.onChanged();
    await runner?.stop();
  }

  addConsumer(settings: ConsumerSettings): string {
    const id = this.newId("consumer");
    this.startConsumer(id, settings);
    this.save();
    return id;
  }

  /** Close (LeaveGroup) and forget. */
  async closeConsumer(id: string): Promise<void> {
    const runner = this.consumers.get(id);
    if (runner === undefined) return;
    await runner.close();
    this.consumers.delete(id);
    this.save();
    this.events.onChanged();
  }

  /** Crash: the card stays (marked crashed) until removed; it is not restarted on reload. */
  crashConsumer(id: string): void {
    this.consumers.get(id)?.crash();
    this.save();
  }

  removeConsumer(id: string): void {
    const runner = this.consumers.get(id);
    if (runner !== undefined && !runner.ended) runner.crash();
    this.consumers.delete(id);
    this.save();
    this.events.onChanged();
  }

  /** Stops everything (a reset): producers flush nothing more, consumers simply end. */
  async stopAll(): Promise<void> {
    for (const runner of this.consumers.values()) runner.crash();
    await Promise.all([...this.producers.values()].map((runner) => runner.stop()));
    this.producers.clear();
    this.consumers.clear();
  }

  producerViews(): Record<string, ProducerView> {
    const views: Record<string, ProducerView> = {};
    for (const [id, runner] of this.producers)
      views[id] = { id, settings: runner.settings, ...runner.snapshot() };
    return views;
  }

  consumerViews(): Record<string, ConsumerView> {
    const views: Record<string, ConsumerView> = {};
    for (const [id, runner] of this.consumers)
      views[id] = { id, settings: runner.settings, ...runner.snapshot() };
    return views;
  }

  private startProducer(id: string, settings: ProducerSettings): void {
    this.claim(id);
    const runner = new ProducerRunner(id, settings, {
      io: this.io,
      bootstrap: this.bootstrap(),
      onAcknowledged: (topic, partition, offset, key) =>
        this.events.onRecord({ topic, partition, offset, key, by: { kind: "producer", id } }),
      onChanged: () => this.events.onChanged(),
    });
    this.producers.set(id, runner);
    void runner.start();
  }

  private startConsumer(id: string, settings: ConsumerSettings): void {
    this.claim(id);
    const runner = new ConsumerRunner(id, settings, {
      io: this.io,
      bootstrap: this.bootstrap(),
      onConsumed: (topic, partition, offset, key) =>
        this.events.onRecord({ topic, partition, offset, key, by: { kind: "consumer", id } }),
      onRevoked: (groupId) => this.events.onRevoked(groupId),
      onChanged: () => this.events.onChanged(),
    });
    this.consumers.set(id, runner);
    this.events.onChanged();
    void runner.start();
  }

  /** Numbers go on from the highest id seen, so a restored "producer-3" is not given out again. */
  private claim(id: string): void {
    const number = Number(/-(\d+)$/.exec(id)?.[1] ?? 0);
    this.nextNumber = Math.max(this.nextNumber, number + 1);
  }

  private newId(kind: "producer" | "consumer"): string {
    return `${kind}-${this.nextNumber++}`;
  }

  private save(): void {
    saveClients({
      producers: [...this.producers].map(([id, runner]) => ({ id, settings: runner.settings })),
      consumers: [...this.consumers]
        .filter(([, runner]) => !runner.ended)
        .map(([id, runner]) => ({ id, settings: runner.settings })),
    });
  }
}
