/**
 * The playground's producers and consumers, remembered across reloads (their settings;
 * what they sent is in the brokers' logs). Read back defensively: anything that is not
 * what this page wrote is dropped, never trusted.
 */
import {
  defaultConsumerSettings,
  defaultProducerSettings,
  type ConsumerSettings,
  type ProducerSettings,
} from "../store/clients-slice.ts";

export interface SavedClients {
  producers: { id: string; settings: ProducerSettings }[];
  consumers: { id: string; settings: ConsumerSettings }[];
}

export const CLIENTS_STORAGE_KEY = "kafka-playground/clients";

/**
 * Every field a saved consumer may have. The ones added after clients were first saved
 * (which the consumer dialog does not set either) may be missing.
 */
const CONSUMER_SHAPE: Required<ConsumerSettings> = {
  ...defaultConsumerSettings("", ""),
  extraTopics: [],
  commitBeforeProcessing: false,
};
const LATER_CONSUMER_FIELDS: readonly string[] = ["extraTopics", "commitBeforeProcessing"];

/** Every field a saved producer may have; `nullValue` came later and may be missing. */
const PRODUCER_SHAPE: Required<ProducerSettings> = {
  ...defaultProducerSettings(""),
  nullValue: false,
};
const LATER_PRODUCER_FIELDS: readonly string[] = ["nullValue"];

/**
 * Keeps only the fields a template has, of the same type as the template's; a field in
 * `mayLack` may be missing (the settings mean its default then).
 */
function sameShape<T extends object>(
  value: unknown,
  template: T,
  mayLack: readonly string[] = [],
): T | null {
  if (typeof value !== "object" || value === null) return null;
  const result: Record<string, unknown> = {};
  for (const [field, example] of Object.entries(template)) {
    const given = (value as Record<string, unknown>)[field];
    if (given === undefined && mayLack.includes(field)) continue; // absent: the default
    if (Array.isArray(example)) {
      if (!Array.isArray(given) || !given.every((item) => typeof item === "string")) return null;
    } else if (typeof given !== typeof example) {
      return null;
    }
    result[field] = given;
  }
  return result as T;
}

export function parseSavedClients(json: string | null): SavedClients {
  const empty: SavedClients = { producers: [], consumers: [] };
  if (json === null) return empty;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return empty;
  }
  const saved = value as { producers?: unknown; consumers?: unknown };
  if (typeof saved !== "object" || saved === null) return empty;
  const entries = (list: unknown) =>
    Array.isArray(list)
      ? list.filter(
          (entry): entry is { id: string; settings: unknown } =>
            typeof entry === "object" && entry !== null && typeof entry.id === "string",
        )
      : [];
  return {
    producers: entries(saved.producers).flatMap(({ id, settings }) => {
      const checked = sameShape(settings, PRODUCER_SHAPE, LATER_PRODUCER_FIELDS);
      return checked === null ? [] : [{ id, settings: checked }];
    }),
    consumers: entries(saved.consumers).flatMap(({ id, settings }) => {
      const checked = sameShape(settings, CONSUMER_SHAPE, LATER_CONSUMER_FIELDS);
      return checked === null ? [] : [{ id, settings: checked }];
    }),
  };
}

export function loadSavedClients(storage: Storage = localStorage): SavedClients {
  return parseSavedClients(storage.getItem(CLIENTS_STORAGE_KEY));
}

export function saveClients(clients: SavedClients, storage: Storage = localStorage): void {
  storage.setItem(CLIENTS_STORAGE_KEY, JSON.stringify(clients));
}

export function forgetSavedClients(storage: Storage = localStorage): void {
  storage.removeItem(CLIENTS_STORAGE_KEY);
}
