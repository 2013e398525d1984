/**
 * A topic's colour: an Okabe–Ito hue (colour-blind safe), stable by the topic's name, so
 * `orders` is the same colour on the broker cards, the topic chip and the tapes. Colour
 * never carries meaning alone (UI.md): the name is always written beside it.
 */
import { stringHash } from "./string-hash.ts";

/** Okabe–Ito's hues without black; yellow last, as it is the faintest on a light page. */
export const TOPIC_HUES = [
  "#0072b2", // blue
  "#e69f00", // orange
  "#009e73", // bluish green
  "#cc79a7", // reddish purple
  "#56b4e9", // sky blue
  "#d55e00", // vermillion
  "#f0e442", // yellow
] as const;

/** The default topic keeps the calmest hue, whatever its hash would say. */
const PINNED: Record<string, string> = { orders: TOPIC_HUES[0] };

export function topicColour(topic: string): string {
  return PINNED[topic] ?? TOPIC_HUES[stringHash(topic) % TOPIC_HUES.length]!;
}

/** Text colour that reads on a block filled with `background` (a #rrggbb colour). */
export function inkOn(background: string): string {
  const value = Number.parseInt(background.slice(1), 16);
  const [red, green, blue] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  // Relative luminance by the sRGB weights, close enough to choose black or white ink.
  const luminance = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255;
  return luminance > 0.55 ? "#111418" : "#ffffff";
}
