/** Scaffold: replaced by the area's real component. */
export function Palette() {
  return null;
}
