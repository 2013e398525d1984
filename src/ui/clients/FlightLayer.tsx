/** Scaffold: replaced by the area's real component. */
export function FlightLayer() {
  return null;
}
