/** Scaffold: replaced by the area's real component. */
export function ProducersColumn() {
  return null;
}
