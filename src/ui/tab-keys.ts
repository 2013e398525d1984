/**
 * The WAI-ARIA tabs pattern's keyboard, for every tab list on the page: arrows move to the
 * neighbouring tab (wrapping), Home and End to the first and last.
 */

/** The tab a key press on `current` moves to; null for keys a tab list does not use. */
export function tabAfterKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  const index = tabs.indexOf(current);
  const last = tabs.length - 1;
  switch (key) {
    case "ArrowRight":
      return tabs[index === last ? 0 : index + 1]!;
    case "ArrowLeft":
      return tabs[index <= 0 ? last : index - 1]!;
    case "Home":
      return tabs[0]!;
    case "End":
      return tabs[last]!;
    default:
      return null;
  }
}
