/** Scaffold: replaced by the area's real component. */
export function Inspector() {
  return null;
}
