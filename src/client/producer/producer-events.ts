/**
 * The producer's events (KafkaJS's `producer.on(producer.events.CONNECT, ...)`), typed by
 * name. Listeners run synchronously; one that throws does not stop the others or the
 * producer. Listeners are bounded so a leak (subscribing per send) shows up as an error.
 */
import type { ProducerEvent, ProducerEventName, ProducerEventPayloads } from "./producer-types.ts";

const MAX_LISTENERS = 1000;

type Listener = (event: ProducerEvent<ProducerEventName>) => void;

export class ProducerEvents {
  private readonly listeners = new Map<ProducerEventName, Set<Listener>>();

  constructor(private readonly nowMs: () => number) {}

  on<E extends ProducerEventName>(
    event: E,
    listener: (event: ProducerEvent<E>) => void,
  ): () => void {
    let set = this.listeners.get(event);
    if (set === undefined) this.listeners.set(event, (set = new Set()));
    if (set.size >= MAX_LISTENERS) {
      throw new Error(
        `more than ${MAX_LISTENERS} listeners for ${event}: remove the ones no longer needed`,
      );
    }
    const wrapped = listener as Listener;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  emit<E extends ProducerEventName>(type: E, payload: ProducerEventPayloads[E]): void {
    const set = this.listeners.get(type);
    if (set === undefined) return;
    const event = { type, timestamp: this.nowMs(), payload } as ProducerEvent<ProducerEventName>;
    for (const listener of set) {
      try {
        listener(event);
      } catch {
        // A listener's own failure is its business; the producer goes on.
      }
    }
  }
}
