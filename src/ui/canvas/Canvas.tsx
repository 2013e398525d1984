/** Scaffold: replaced by the area's real component. */
export function Canvas() {
  return null;
}
