/** Scaffold: replaced by the area's real component. */
export function BootOverlay() {
  return null;
}
