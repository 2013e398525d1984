/** Scaffold: replaced by the area's real component. */
export function Dock() {
  return null;
}
