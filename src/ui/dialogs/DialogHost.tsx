/** Scaffold: replaced by the area's real component. */
export function DialogHost() {
  return null;
}
