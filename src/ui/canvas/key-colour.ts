/**
 * A record key's colour: one of Paul Tol's "muted" hues (colour-blind safe, and apart
 * from the topics' Okabe–Ito hues so a record never looks like a topic); a null key is
 * neutral grey (UI.md). The first keys the page meets get a hue each — the one their
 * hash prefers, or the next free one — so a handful of keys ("alice", "bob", ...) never
 * share a colour; once every hue is taken, further keys go by their hash alone. A key
 * keeps its colour for the life of the page.
 */
import { stringHash } from "./string-hash.ts";

export const KEY_HUES = [
  "#cc6677", // rose
  "#332288", // indigo
  "#ddcc77", // sand
  "#117733", // green
  "#88ccee", // cyan
  "#882255", // wine
  "#44aa99", // teal
  "#999933", // olive
  "#aa4499", // purple
] as const;

export const NULL_KEY_COLOUR = "#9aa0a6";

/** Keys given a hue of their own, at most one per hue (so the map stays this small). */
const assigned = new Map<string, string>();
const taken = new Set<string>();

export function keyColour(key: string | null): string {
  if (key === null) return NULL_KEY_COLOUR;
  const known = assigned.get(key);
  if (known !== undefined) return known;
  const preferred = stringHash(key) % KEY_HUES.length;
  if (taken.size >= KEY_HUES.length) return KEY_HUES[preferred]!;
  for (let step = 0; step < KEY_HUES.length; step++) {
    const hue = KEY_HUES[(preferred + step) % KEY_HUES.length]!;
    if (!taken.has(hue)) {
      taken.add(hue);
      assigned.set(key, hue);
      return hue;
    }
  }
  return KEY_HUES[preferred]!;
}

/** Forgets the keys met so far (tests; a reset playground). */
export function resetKeyColours(): void {
  assigned.clear();
  taken.clear();
}
