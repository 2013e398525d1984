/** Scaffold: replaced by the area's real component. */
export function Welcome() {
  return null;
}
