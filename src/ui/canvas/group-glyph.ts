/**
 * A consumer group's glyph: the shape that stands for the group wherever it appears (its
 * card, its committed-offset marker under a partition tape), stable by the group id. Shapes,
 * not colours, so two groups stay apart for every viewer.
 */
import { stringHash } from "./string-hash.ts";

export const GROUP_GLYPHS = ["▲", "●", "■", "◆", "▼", "◀", "▶", "✚"] as const;

export function groupGlyph(groupId: string): string {
  return GROUP_GLYPHS[stringHash(groupId) % GROUP_GLYPHS.length]!;
}
