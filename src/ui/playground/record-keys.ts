/** The keys and values a playground producer writes, from its settings. */
import type { ProducerSettings } from "../store/clients-slice.ts";

/** The key of the `n`th record (0-based), or null for keyMode "none". */
export function keyFor(settings: ProducerSettings, n: number, random: () => number): string | null {
  switch (settings.keyMode) {
    case "none":
      return null;
    case "fixed":
      return settings.fixedKey;
    case "random": {
      const keys = settings.keySet.length > 0 ? settings.keySet : [settings.fixedKey];
      return keys[Math.floor(random() * keys.length)]!;
    }
    case "sequence":
      return `key-${n}`;
  }
}

/** The value template with {n} and {key} filled in. */
export function valueFor(settings: ProducerSettings, n: number, key: string | null): string {
  return settings.valueTemplate.replaceAll("{n}", String(n)).replaceAll("{key}", key ?? "null");
}
